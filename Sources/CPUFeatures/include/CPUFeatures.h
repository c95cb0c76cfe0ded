#ifndef R2CAST_CPU_FEATURES_H
#define R2CAST_CPU_FEATURES_H

#include <stdbool.h>
#include <stdint.h>

/// CPUID of `leaf` and `subleaf` into registers (EAX, EBX, ECX, EDX).
/// False, with the registers zero, where the CPU's highest leaf of that
/// range is below `leaf` or the machine is not x86-64.
bool r2_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t registers[4]);

/// XCR0, the register states the operating system saves and restores (bit
/// 1 SSE, 2 AVX, 5-7 AVX-512); 0 where XGETBV is not enabled (CPUID.1:ECX
/// bit 27, OSXSAVE) or the machine is not x86-64.
uint64_t r2_xcr0(void);

#endif
