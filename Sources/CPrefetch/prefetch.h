// A software prefetch for the engine's hot loop: Swift has no prefetch intrinsic, and a plain
// load would hold up retirement until the data arrives. Header-only, so it inlines into Swift.
#ifndef BATCHSIM_PREFETCH_H
#define BATCHSIM_PREFETCH_H

/// Asks the CPU to bring the cache line at `address` in for writing, without waiting for it.
static inline __attribute__((always_inline)) void batchsim_prefetch(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
