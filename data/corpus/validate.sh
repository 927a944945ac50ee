#!/usr/bin/env bash
# Validates train.jsonl + dev.jsonl and prints the counts tables used in README.md.
# Needs bash and jq only. Exits non-zero on the first broken rule.
set -euo pipefail
cd "$(dirname "$0")"
fail() { echo "FAIL: $*" >&2; exit 1; }

for f in train.jsonl dev.jsonl; do
  [ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" != "efbbbf" ] || fail "$f starts with a BOM"
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    echo "$line" | jq -e 'type == "object"' > /dev/null 2>&1 || fail "$f line $n is not a JSON object"
  done < "$f"
done

all() { jq -c --arg s "$1" '. + {split: $s}' "$1.jsonl"; }
ALL=$( { all train; all dev; } | jq -s -c '.')

jq -e -r '
  def offers: ["offer-boat","offer-game","offer-truck","offer-taxi","offer-flight","offer-documents","offer-other"];
  def negs: ["news","arrest-court","ngo-advice","gov-campaign","legit-travel","legit-visa","study-abroad","legit-job",
             "ride-sharing","yacht-charter","ferry-timetable","personal-story","asking-help","chat"];
  def langs: ["ar","ary","ar-Latn","fa","prs","ps","ckb","kmr","ur","ur-Latn","tr","en","sq","fr","es","ru","uk","bn",
              "vi","ti","am","it","el","de","pl"];
  def fields: ["id","lang","langs","dialect","label","kind","obfuscated","repost_of","platform","channel","text"];
  . as $a
  | ($a | map(.id) | group_by(.) | map(select(length > 1) | .[0])) as $dup
  | if ($dup | length) > 0 then error("duplicate ids: \($dup)") else . end
  | ($a | map(select((keys - ["split"]) != (fields | sort)) | .id)) as $bad
  | if ($bad | length) > 0 then error("wrong field set: \($bad)") else . end
  | ($a | map(select(
        (.id | test("^[A-Za-z-]+-[0-9]{4}$") | not)
        or (.lang as $l | .id | startswith($l + "-") | not)
        or (.lang | IN(langs[]) | not)
        or (.lang as $l | .langs | type != "array" or length == 0 or .[0] != $l)
        or (.kind | IN(offers[], negs[]) | not)
        or (.label != (if (.kind | IN(offers[])) then 1 else 0 end))
        or (.obfuscated | type != "boolean")
        or (.obfuscated and .label != 1)
        or (.text | type != "string" or length == 0)
        or (.platform | type != "string") or (.channel | type != "string")
        or (.lang == "ar" and .dialect == null)) | .id)) as $inv
  | if ($inv | length) > 0 then error("invalid records: \($inv)") else . end
  | ($a | map({key: .id, value: .}) | from_entries) as $byid
  | ($a | map(select(.repost_of != null) | . as $r | $byid[$r.repost_of] as $o
        | select($o == null or $o.split != $r.split or $o.repost_of != null or $o.lang != $r.lang
                 or $o.label != 1 or $r.label != 1) | .id)) as $rep
  | if ($rep | length) > 0 then error("bad reposts: \($rep)") else . end
  | ($a | length) as $n
  | ($a | group_by(.lang) | map(select(length < 20 or (map(select(.split == "dev")) | length) < 8) | .[0].lang)) as $small
  | if ($small | length) > 0 then error("languages under quota (20 posts / 8 dev): \($small)") else . end
  | ($a | map(select(.lang | IN("ar","fa","en","fr","tr")) ) | group_by(.lang)
        | map(select((map(select(.split == "dev")) | length) < 20) | .[0].lang)) as $bigdev
  | if ($bigdev | length) > 0 then error("big languages with < 20 dev posts: \($bigdev)") else . end
  | ((langs - ($a | map(.lang) | unique)) ) as $missing
  | if ($missing | length) > 0 then error("languages missing: \($missing)") else . end
  | ($a | map(select(.label == 0 and .kind != "chat")) | length) as $hard
  | ($a | map(select(.obfuscated)) | length) as $obf
  | ($a | map(select(.repost_of != null)) | length) as $reposts
  | if $n < 800 then error("only \($n) posts") else . end
  | if ($hard * 100 / $n) < 40 then error("hard negatives \($hard)/\($n) < 40%") else . end
  | if ($obf * 100 / $n) < 15 then error("obfuscated \($obf)/\($n) < 15%") else . end
  | if $reposts < 35 then error("only \($reposts) reposts") else . end
  | "OK: \($n) posts, train \($a | map(select(.split == "train")) | length), dev \($a | map(select(.split == "dev")) | length)",
    "offers \($a | map(select(.label == 1)) | length), negatives \($a | map(select(.label == 0)) | length), hard negatives (all but chat) \($hard) = \($hard * 1000 / $n | floor / 10)%",
    "obfuscated \($obf) = \($obf * 1000 / $n | floor / 10)%, reposts \($reposts), mixed-language posts \($a | map(select(.langs | length > 1)) | length)"
' <<< "$ALL"

echo
echo "| lang | posts | offers | negatives | obfuscated | reposts | train | dev | dev offers | dev negatives |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
jq -r 'group_by(.lang)[] | "| \(.[0].lang) | \(length) | \(map(select(.label==1))|length) | \(map(select(.label==0))|length) | \(map(select(.obfuscated))|length) | \(map(select(.repost_of!=null))|length) | \(map(select(.split=="train"))|length) | \(map(select(.split=="dev"))|length) | \(map(select(.split=="dev" and .label==1))|length) | \(map(select(.split=="dev" and .label==0))|length) |"' <<< "$ALL"
jq -r '"| **total** | \(length) | \(map(select(.label==1))|length) | \(map(select(.label==0))|length) | \(map(select(.obfuscated))|length) | \(map(select(.repost_of!=null))|length) | \(map(select(.split=="train"))|length) | \(map(select(.split=="dev"))|length) | \(map(select(.split=="dev" and .label==1))|length) | \(map(select(.split=="dev" and .label==0))|length) |"' <<< "$ALL"
echo
echo "| kind | label | posts | train | dev |"
echo "|---|---:|---:|---:|---:|"
jq -r 'sort_by(-.label, .kind) | group_by(.kind) | sort_by(-.[0].label)[] | "| \(.[0].kind) | \(.[0].label) | \(length) | \(map(select(.split=="train"))|length) | \(map(select(.split=="dev"))|length) |"' <<< "$ALL"
echo
echo "| ar dialect | posts | offers |"
echo "|---|---:|---:|"
jq -r 'map(select(.dialect != null)) | group_by([.lang, .dialect])[] | "| \(.[0].lang) \(.[0].dialect) | \(length) | \(map(select(.label==1))|length) |"' <<< "$ALL"
