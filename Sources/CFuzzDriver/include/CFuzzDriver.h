// libFuzzer's driver, called from r2cast-fuzz's own `main` (docs/FUZZING.md):
// SwiftPM links an executable's `main` to `<module>_main`, which a
// `-parse-as-library` module does not define, so r2cast-fuzz defines it and
// hands over to libFuzzer here.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
