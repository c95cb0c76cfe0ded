#include "CPUFeatures.h"

#if defined(__x86_64__)
#include <cpuid.h>

bool r2_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t registers[4]) {
    unsigned int a = 0, b = 0, c = 0, d = 0;
    // __get_cpuid_count checks the range's highest leaf first.
    bool ok = __get_cpuid_count(leaf, subleaf, &a, &b, &c, &d) != 0;
    registers[0] = ok ? a : 0;
    registers[1] = ok ? b : 0;
    registers[2] = ok ? c : 0;
    registers[3] = ok ? d : 0;
    return ok;
}

uint64_t r2_xcr0(void) {
    uint32_t r[4];
    if (!r2_cpuid(1, 0, r) || !(r[2] & (1u << 27))) return 0;
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((uint64_t)hi << 32) | lo;
}
#else
bool r2_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t registers[4]) {
    (void)leaf;
    (void)subleaf;
    registers[0] = registers[1] = registers[2] = registers[3] = 0;
    return false;
}

uint64_t r2_xcr0(void) { return 0; }
#endif
