// Each file of tests/standalone/ includes one public header and nothing else, uses what it
// declares, and must compile and link alone (tests/standalone/run.sh): in the header-only mode
// and in the fast-compile mode against the one implementation file.
#include "novu/core/version.hpp"

int main() { return NOVU_CC_VERSION_MAJOR == 0 && NOVU_CC_VERSION_STRING[0] != 0 ? 0 : 1; }
