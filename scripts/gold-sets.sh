# Sourced by the scripts that score against ../shared/eval (evaluate.sh, eval-core.sh,
# bench/accuracy.sh): one definition of the gold sets and of how runners get each article's date.
# Needs $shared (the shared/ folder).

# gold_set NAME DIR: copies the set's NAME.txt + NAME.gold.json files into DIR.
gold_set() {
  case "$1" in
    main) cp "$shared"/eval/seed.txt "$shared"/eval/seed.gold.json "$shared"/eval/dev/*.txt "$shared"/eval/dev/*.gold.json "$2"/ ;;
    polnear) cp "$shared"/eval/polnear-dev/*.txt "$shared"/eval/polnear-dev/*.gold.json "$2"/ ;;
    *) echo "unknown gold set '$1' (main or polnear)" >&2; return 2 ;;
  esac
}

# gold_published TXT: the article's publication date from its gold file (metadata the runner
# passes with --published; the program never reads gold files), or nothing.
gold_published() {
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("published") or "")' "${1%.txt}.gold.json"
}

# gold_runner_args DIR: "FILE=DATE" for each article, as dramatis-eval takes them (into array RUNNER_ARGS).
gold_runner_args() {
  RUNNER_ARGS=()
  for t in "$1"/*.txt; do RUNNER_ARGS+=("$t=$(gold_published "$t")"); done
}
