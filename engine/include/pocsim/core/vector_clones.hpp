// SPDX-License-Identifier: Apache-2.0
#pragma once
// POCSIM_VECTOR_CLONES before a function that the compiler vectorizes makes
// GCC and Clang build it twice on x86-64, for AVX2 and for the baseline
// (SSE2), and pick one when the program starts, so that one binary runs
// anywhere and uses the wider registers where they exist. Only for integer
// code or code whose floating-point operations keep their order: the two
// copies must give the same results. Not under ThreadSanitizer: GCC 12
// instruments the resolver that picks the copy, which the dynamic loader runs
// before TSan's runtime is up, and every binary crashed at its start.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define POCSIM_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define POCSIM_VECTOR_CLONES
#endif
