//! A lesson's text in other languages: the file's optional `translations` block, keyed by
//! language tag, gives the title, brief and each task's title, hint and sharper hints (by task
//! id, hints in order). [`localize`] lays the language in force over the English before the
//! seed fills the placeholders, so a translation uses the same `{name}`s. Checks, params and
//! solutions are never translated: they are commands and program output.

use super::LessonError;
use serde_json::{Map, Value};

/// Removes `translations` from the raw lesson and, for a language other than English that it
/// has, replaces the English texts by that language's. A translation naming a task the lesson
/// lacks, or giving a field that is not text, is an error.
pub fn localize(raw: &mut Value, lang: &str) -> Result<(), LessonError> {
    let Some(map) = raw.as_object_mut() else {
        return Ok(());
    };
    let Some(translations) = map.remove("translations") else {
        return Ok(());
    };
    let Some(all) = translations.as_object() else {
        return Err(LessonError(
            "translations must map language tags to texts".into(),
        ));
    };
    for (tag, t) in all {
        check(map, tag, t)?;
    }
    if let Some(t) = all.get(lang) {
        apply(map, t);
    }
    Ok(())
}

fn text_field(t: &Value, name: &str, at: &str) -> Result<(), LessonError> {
    match t.get(name) {
        None | Some(Value::String(_)) => Ok(()),
        Some(_) => Err(LessonError(format!("{at}.{name} must be text"))),
    }
}

/// Checks one language's block against the lesson.
fn check(lesson: &Map<String, Value>, tag: &str, t: &Value) -> Result<(), LessonError> {
    let at = format!("translations.{tag}");
    let known = ["title", "brief", "tasks"];
    let Some(fields) = t.as_object() else {
        return Err(LessonError(format!("{at} must be a map")));
    };
    if let Some(bad) = fields.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(LessonError(format!(
            "{at}.{bad} is not a translatable field (title, brief, tasks)"
        )));
    }
    text_field(t, "title", &at)?;
    text_field(t, "brief", &at)?;
    let Some(tasks) = t.get("tasks") else {
        return Ok(());
    };
    let Some(tasks) = tasks.as_object() else {
        return Err(LessonError(format!(
            "{at}.tasks must map task ids to texts"
        )));
    };
    for (id, task) in tasks {
        let here = format!("{at}.tasks.{id}");
        let Some(original) = task_by_id(lesson, id) else {
            return Err(LessonError(format!(
                "{here}: the lesson has no task '{id}'"
            )));
        };
        text_field(task, "title", &here)?;
        text_field(task, "hint", &here)?;
        if let Some(hints) = task.get("hints") {
            let given = hints.as_array().filter(|h| h.iter().all(Value::is_string));
            let wanted = original
                .get("hints")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            match given {
                Some(h) if h.len() == wanted => {}
                _ => {
                    return Err(LessonError(format!(
                        "{here}.hints must be {wanted} texts, one per hint of the task"
                    )))
                }
            }
        }
    }
    Ok(())
}

fn task_by_id<'a>(lesson: &'a Map<String, Value>, id: &str) -> Option<&'a Value> {
    lesson
        .get("tasks")?
        .as_array()?
        .iter()
        .find(|task| task.get("id").and_then(Value::as_str) == Some(id))
}

/// Lays a checked block over the lesson.
fn apply(lesson: &mut Map<String, Value>, t: &Value) {
    for field in ["title", "brief"] {
        if let Some(text) = t.get(field) {
            lesson.insert(field.into(), text.clone());
        }
    }
    let Some(tasks) = lesson.get_mut("tasks").and_then(Value::as_array_mut) else {
        return;
    };
    for task in tasks {
        let id = task
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let Some(tr) = t.get("tasks").and_then(|ts| ts.get(&id)) else {
            continue;
        };
        for field in ["title", "hint"] {
            if let (Some(text), Some(obj)) = (tr.get(field), task.as_object_mut()) {
                obj.insert(field.into(), text.clone());
            }
        }
        let texts = tr.get("hints").and_then(Value::as_array);
        let hints = task.get_mut("hints").and_then(Value::as_array_mut);
        if let (Some(texts), Some(hints)) = (texts, hints) {
            for (hint, text) in hints.iter_mut().zip(texts) {
                if let Some(obj) = hint.as_object_mut() {
                    obj.insert("text".into(), text.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Lesson, SOURCES};
    use super::*;
    use crate::i18n::{set_lang, Lang};

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Every English text of a raw lesson with where it is, in order.
    fn texts(raw: &Value) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for field in ["title", "brief"] {
            out.push((
                field.to_string(),
                raw[field].as_str().unwrap_or("").to_string(),
            ));
        }
        for task in raw["tasks"].as_array().into_iter().flatten() {
            let id = task["id"].as_str().unwrap_or("");
            for field in ["title", "hint"] {
                out.push((
                    format!("{id}.{field}"),
                    task[field].as_str().unwrap_or("").into(),
                ));
            }
            for (i, h) in task["hints"].as_array().into_iter().flatten().enumerate() {
                out.push((
                    format!("{id}.hints.{i}"),
                    h["text"].as_str().unwrap_or("").into(),
                ));
            }
        }
        out
    }

    #[test]
    fn every_built_in_lesson_is_complete_in_every_language() {
        for source in SOURCES {
            let english: Value = serde_saphyr::from_str(source.text()).unwrap();
            for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
                let mut local = english.clone();
                localize(&mut local, lang.tag()).unwrap();
                let mut plain = english.clone();
                localize(&mut plain, "en").unwrap();
                for ((at, en), (_, there)) in texts(&plain).iter().zip(texts(&local)) {
                    assert_ne!(
                        en,
                        &there,
                        "{} {}: {at} is not translated",
                        source.id,
                        lang.tag()
                    );
                    assert_eq!(
                        placeholders(en),
                        placeholders(&there),
                        "{} {}: {at} has other placeholders",
                        source.id,
                        lang.tag()
                    );
                }
                let title = source.titles.iter().find(|(t, _)| *t == lang.tag());
                assert_eq!(
                    title.map(|(_, t)| *t),
                    local["title"].as_str(),
                    "{}: the menu's {} title is the file's",
                    source.id,
                    lang.tag()
                );
            }
        }
    }

    #[test]
    fn the_language_in_force_picks_the_text_and_the_seed_still_fills_it() {
        set_lang(Lang::Es);
        let es = super::super::builtin("localhost", "alice").unwrap();
        set_lang(Lang::En);
        let en = super::super::builtin("localhost", "alice").unwrap();
        assert_eq!(es.title, "Localhost: un único espacio de nombres de red");
        let port = &en.values["port"];
        assert!(
            es.tasks[3].title.contains(port.as_str()),
            "{}",
            es.tasks[3].title
        );
        assert_eq!(es.tasks[3].check, en.tasks[3].check);
        assert_eq!(es.solution, en.solution);
    }

    #[test]
    fn a_translation_of_a_task_the_lesson_lacks_is_an_error() {
        let yaml =
            "id: x\nscenario: localhost\ntitle: T\nbrief: B\ntasks:\n  - id: a\n    title: A\n    \
                    hint: H\n    check: { http_response: { status: 200 } }\nsolution: []\n\
                    translations:\n  es:\n    tasks:\n      b: { title: B }\n";
        let err = Lesson::from_yaml(yaml, "").unwrap_err();
        assert!(err.0.contains("no task 'b'"), "{err}");
        let bad = yaml.replace("      b: { title: B }\n", "      a: { hints: [uno] }\n");
        let err = Lesson::from_yaml(&bad, "").unwrap_err();
        assert!(err.0.contains("must be 0 texts"), "{err}");
    }
}
