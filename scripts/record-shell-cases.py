#!/usr/bin/env python3
"""Records what real bash 5.2 prints for each shell test case, as Rust table rows.

Each case runs in a fresh `bash -c` in an empty temp directory (stdout and stderr merged);
`bash: line 1: ` becomes `bash: ` (the interactive form, which the app's terminal is).
Usage: scripts/record-shell-cases.py CASES.txt  (one command line per line; `#` comments)
"""
import subprocess, sys, tempfile

def rust(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t') + '"'

for line in open(sys.argv[1]):
    line = line.rstrip('\n')
    if not line or line.startswith('#'):
        continue
    with tempfile.TemporaryDirectory() as d:
        p = subprocess.run(['bash', '-c', line], cwd=d, capture_output=False, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, env={'PATH': '/usr/bin:/bin', 'HOME': '/root'})
    out = p.stdout.decode().replace('bash: line 1: ', 'bash: ')
    print(f'        ({rust(line)}, {rust(out)}, {p.returncode}),')
