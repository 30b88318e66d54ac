#!/bin/bash
# Records the real nginx 1.22.1 + curl 7.88.1 used as test data for src/sim/http.
# Run as root on Debian 12 with nginx serving /tmp/httprec/html inside netns "httprec"
# (config: the official image's default.conf). Each file: "$ command", the terminal bytes (pty,
# onlcr undone: "\r\n" -> "\n", so a "\r" left in the file is the program's own), "[exit N]".
# Raw server responses (raw-*.bin) are the exact bytes nginx sent to a hand-written request.
set -u
out=$(dirname "$0")
rec() { # name, command
  local name=$1; shift
  { printf '$ %s\n' "$*"
    ip netns exec httprec script -qec "$*" /dev/null | sed 's/\r$//' 
    printf '[exit %s]\n' "${PIPESTATUS[0]}"; } > "$out/$name.txt"
}
raw() { # name, request bytes (printf format)
  ip netns exec httprec python3 -c '
import socket,sys
s=socket.create_connection(("127.0.0.1",80)); s.sendall(sys.argv[1].encode().decode("unicode_escape").encode("latin1"))
s.settimeout(0.5); b=b""
try:
  while True:
    d=s.recv(65536)
    if not d: break
    b+=d
except socket.timeout: b+=b"<<still open>>"
sys.stdout.buffer.write(b)' "$2" > "$out/raw-$1.bin"
  printf '%b' "$2" > "$out/raw-$1.req"
}
rec c01-curl 'curl localhost'
rec c02-curl-i 'curl -i localhost/'
rec c03-curl-v 'curl -v localhost/'
rec c04-curl-I 'curl -I localhost/'
rec c05-403-s 'curl -s localhost/empty/'
rec c06-403-i 'curl -i localhost/empty/'
rec c07-404-i 'curl -i localhost/nope'
rec c08-301-i 'curl -i localhost/dir'
rec c09-301-iL 'curl -iL localhost/dir'
rec c10-post-dir 'curl -i -X POST localhost/'
rec c11-post-d 'curl -i -d x=1 localhost/a.txt'
rec c12-path-as-is 'curl -i --path-as-is localhost/../x'
rec c13-http10 'curl -i -0 localhost/'
rec c14-conn-close 'curl -i -H "Connection: close" localhost/'
rec c15-8080-sS 'curl -sS localhost:8080'
rec c16-https 'curl https://localhost/'
rec c17-ftp 'curl ftp://localhost/'
rec c18-nosuchhost 'curl nosuchhost'
rec c19-noargs 'curl'
rec c20-o 'curl -o /tmp/httprec/out.html localhost/'
rec c21-w 'curl -s -o /dev/null -w "%{http_code} %{size_download}\n" localhost/'
rec c22-f 'curl -f localhost/nope'
rec c22b-fsS 'curl -fsS localhost/nope'
rec c23-v-404 'curl -v localhost/nope'
rec c24-I-404 'curl -I localhost/nope'
rec c25-v-8080 'curl -v localhost:8080'
rec c26-help 'curl --help'
rec c27-mime 'for p in style.css app.js a.txt img.png data.json noext page.htm; do curl -sI localhost/$p | grep Content-Type; done'
rec c28-v-0 'curl -v -0 localhost/'
rec c29-v-post 'curl -v -X POST localhost/a.txt'
rec c30-v-127 'curl -v http://127.0.0.1/'
rec c30b-v-ip6 'curl -v http://[::1]/'
rec c31-badport 'curl localhost:99999'
rec c32-vL 'curl -vL localhost/dir'
rec c33-w-404 'curl -s -w "%{http_code}\n" localhost/nope'
rec c34-X-noarg 'curl -X'
rec c35-unknown-opt 'curl --bogus localhost'
rec c36-v-8080-sS 'curl -sSv localhost:8080'
rec c37-s-8080 'curl -s localhost:8080'
rec c38-o-s 'curl -s -o /tmp/httprec/out2.html localhost/'
rec c39-I-dir 'curl -I localhost/dir'
rec c40-v-H 'curl -v -H "X-Test: 1" localhost/a.txt'
rec c41-w-more 'curl -s -o /dev/null -w "%{http_code} %{size_download} %{content_type} %{url_effective} %{num_connects} %{response_code} %{size_header} %{remote_ip} %{remote_port} %{exitcode}\n" localhost/'
rec c42-v-d 'curl -v -d hello localhost/a.txt'
rec c43-v-I 'curl -vI localhost/'
rec c44-bad-url 'curl "http://"'
rec c45-v-https 'curl -v https://localhost/'
rec c46-head-X 'curl -i -X HEAD localhost/a.txt --max-time 2'
rec c47-i-0-close 'curl -v -0 -H "Connection: keep-alive" localhost/'
rec c48-f-w 'curl -sf -w "%{http_code}\n" localhost/nope'
raw r01-get10 'GET / HTTP/1.0\r\n\r\n'
raw r02-get10-ka 'GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n'
raw r03-head11 'HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'
raw r04-nohost11 'GET / HTTP/1.1\r\n\r\n'
raw r05-garbage 'FOO\r\n\r\n'
raw r06-dotdot 'GET /../x HTTP/1.1\r\nHost: localhost\r\n\r\n'
raw r07-post 'POST /a.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nConnection: close\r\n\r\nx=1'
raw r08-dir10 'GET /dir HTTP/1.0\r\n\r\n'
raw r09-dir-host 'GET /dir HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n'
raw r10-delete 'DELETE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'
raw r11-404-close 'GET /nope HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'
raw r12-403-10 'GET /empty/ HTTP/1.0\r\n\r\n'
raw r13-two-keepalive 'GET /a.txt HTTP/1.1\r\nHost: localhost\r\n\r\nGET /nope HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'
raw r14-http09 'GET /\r\n'
raw r15-options 'OPTIONS / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'
raw r16-dir-port 'GET /dir HTTP/1.1\r\nHost: localhost:8080\r\nConnection: close\r\n\r\n'
raw r17-pct 'GET /%61.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'
raw r18-query 'GET /a.txt?x=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'
raw r19-http2 'GET / HTTP/2.0\r\nHost: localhost\r\n\r\n'
raw r20-lower 'get / HTTP/1.1\r\nHost: localhost\r\n\r\n'
raw r21-dotdot-in 'GET /dir/../a.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'
raw r22-head-404 'HEAD /nope HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'
raw r23-post-404 'POST /nope HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'
raw r24-post-empty 'POST /empty/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'
#cp /tmp/httprec/logs/access.log "$out/access.log"
rec c49-unknown-scheme 'curl foo://x'
rec c50-dotseg 'curl -v localhost/../a.txt'
rec c51-v-nosuchhost 'curl -v nosuchhost'
rec c52-o-v 'curl -v -s -o /tmp/httprec/out3.html localhost/a.txt'
rec c53-i-v 'curl -i -v localhost/a.txt'
rec c54-f-v 'curl -f -v localhost/nope'
rec c55-empty-host 'curl http:///x'
