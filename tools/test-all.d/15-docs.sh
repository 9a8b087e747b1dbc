# The documentation against the code (fast, about 20 s); sourced by tools/test-all.sh.

register_stage docs "README/docs C++ snippets compile; every public name is in docs/reference.md (tests/docs)"
stage_docs() { CXX=g++ bash tests/docs/run.sh build/docs; }
