//! Saving bytes as a file from the page (the pcap capture): a Blob behind a temporary link.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `name`; returns false when the browser refused.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> bool {
    try_download(name, mime, bytes).is_some()
}

fn try_download(name: &str, mime: &str, bytes: &[u8]) -> Option<()> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}
