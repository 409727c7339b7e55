/**
 * Dense float64 kernels for the recurrent cells: three matrix-multiply shapes plus the small vector helpers the
 * backward passes need (safe norms, power-of-two rescaling).
 *
 * All matrices are row-major `Float64Array`s addressed by an offset and a leading dimension (the distance between
 * the starts of two consecutive rows), so a kernel can work on a block of a bigger buffer (one time step of a
 * [T, B, 4H] buffer, a gate block of a weight) without copying. Every multiply has an `accumulate` flag:
 * `false` writes C = A·B, `true` adds C += A·B.
 *
 * Speed: the inner loops are register-blocked (a 4×4 tile of C lives in sixteen local variables while the shared
 * dimension is swept), which V8 turns into tight scalar SSE code; it needs 0.5 loads per multiply-add instead of 2.
 * (Measured on the dev machine: 4×4 ≈ 5 GFLOP/s, 2×4 ≈ 3.6, a naive triple loop ≈ 1.5.) `gemmAtB`, used for the
 * weight gradients over all T·B rows at once, also walks the long shared dimension in chunks so its working set
 * stays in cache. No kernel allocates. `simd.ts` runs `gemmAB` and `gemmAtB` (and `gemmABt` on a stored transpose)
 * in WebAssembly SIMD with exactly the same bits, on buffers it allocates on a WebAssembly memory.
 *
 * @module
 */
import { ilogb } from './elementary-log-trig.ts';
/**
 * Rows of the shared dimension processed per chunk by {@link gemmAtB} (keeps the A and B panels in L2). Part of its
 * summation order: `simd.ts` uses the same chunks.
 */
export const AtB_CHUNK = 128;

/**
 * C (+)= A · Bᵀ, with A [M, K], B [N, K], C [M, N]: C[m, n] = Σ_k A[m, k] · B[n, k].
 *
 * This is the forward shape: a batch of row vectors times a PyTorch weight [out, in] (whose rows are contiguous
 * over the input index), e.g. Z[B, 4H] += h[B, H] · W_hh[4H, H]ᵀ.
 *
 * @param M - rows of A and C.
 * @param N - rows of B = columns of C.
 * @param K - shared dimension (columns of A and of B).
 * @param A - left operand buffer; element (m, k) at `A[aOff + m * lda + k]`.
 * @param aOff - offset of A[0, 0].
 * @param lda - leading dimension of A (≥ K).
 * @param B - right operand buffer; element (n, k) at `B[bOff + n * ldb + k]`.
 * @param bOff - offset of B[0, 0].
 * @param ldb - leading dimension of B (≥ K).
 * @param C - output buffer; element (m, n) at `C[cOff + m * ldc + n]`. Must not overlap A or B.
 * @param cOff - offset of C[0, 0].
 * @param ldc - leading dimension of C (≥ N).
 * @param accumulate - add into C (`true`) or overwrite it (`false`).
 */
export function gemmABt(
  M: number,
  N: number,
  K: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  B: Float64Array,
  bOff: number,
  ldb: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
  accumulate: boolean,
): void {
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  let m = 0;
  for (; m < M4; m += 4) {
    const a0 = aOff + m * lda;
    const a1 = a0 + lda;
    const a2 = a1 + lda;
    const a3 = a2 + lda;
    for (let n = 0; n < N4; n += 4) {
      const b0 = bOff + n * ldb;
      const b1 = b0 + ldb;
      const b2 = b1 + ldb;
      const b3 = b2 + ldb;
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0;
      let s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      let s20 = 0,
        s21 = 0,
        s22 = 0,
        s23 = 0;
      let s30 = 0,
        s31 = 0,
        s32 = 0,
        s33 = 0;
      for (let k = 0; k < K; k++) {
        const y0 = B[b0 + k]!;
        const y1 = B[b1 + k]!;
        const y2 = B[b2 + k]!;
        const y3 = B[b3 + k]!;
        let x = A[a0 + k]!;
        s00 += x * y0;
        s01 += x * y1;
        s02 += x * y2;
        s03 += x * y3;
        x = A[a1 + k]!;
        s10 += x * y0;
        s11 += x * y1;
        s12 += x * y2;
        s13 += x * y3;
        x = A[a2 + k]!;
        s20 += x * y0;
        s21 += x * y1;
        s22 += x * y2;
        s23 += x * y3;
        x = A[a3 + k]!;
        s30 += x * y0;
        s31 += x * y1;
        s32 += x * y2;
        s33 += x * y3;
      }
      let c = cOff + m * ldc + n;
      if (accumulate) {
        C[c] += s00;
        C[c + 1] += s01;
        C[c + 2] += s02;
        C[c + 3] += s03;
        c += ldc;
        C[c] += s10;
        C[c + 1] += s11;
        C[c + 2] += s12;
        C[c + 3] += s13;
        c += ldc;
        C[c] += s20;
        C[c + 1] += s21;
        C[c + 2] += s22;
        C[c + 3] += s23;
        c += ldc;
        C[c] += s30;
        C[c + 1] += s31;
        C[c + 2] += s32;
        C[c + 3] += s33;
      } else {
        C[c] = s00;
        C[c + 1] = s01;
        C[c + 2] = s02;
        C[c + 3] = s03;
        c += ldc;
        C[c] = s10;
        C[c + 1] = s11;
        C[c + 2] = s12;
        C[c + 3] = s13;
        c += ldc;
        C[c] = s20;
        C[c + 1] = s21;
        C[c + 2] = s22;
        C[c + 3] = s23;
        c += ldc;
        C[c] = s30;
        C[c + 1] = s31;
        C[c + 2] = s32;
        C[c + 3] = s33;
      }
    }
  }
  // Leftover rows (M mod 4): one dot product per entry; then the leftover columns (N mod 4) of the blocked rows.
  for (; m < M; m++) dotRowsABt(m, 0, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, accumulate);
  for (m = 0; m < M4; m += 4) {
    const a0 = aOff + m * lda;
    const a1 = a0 + lda;
    const a2 = a1 + lda;
    const a3 = a2 + lda;
    const c0 = cOff + m * ldc;
    let n = N4;
    if (N - n >= 2) {
      // Two leftover columns as one 4×2 tile (fewer loads per multiply-add than two 4×1 tiles).
      const b0 = bOff + n * ldb;
      const b1 = b0 + ldb;
      let s00 = 0,
        s01 = 0,
        s10 = 0,
        s11 = 0,
        s20 = 0,
        s21 = 0,
        s30 = 0,
        s31 = 0;
      for (let k = 0; k < K; k++) {
        const y0 = B[b0 + k]!;
        const y1 = B[b1 + k]!;
        let x = A[a0 + k]!;
        s00 += x * y0;
        s01 += x * y1;
        x = A[a1 + k]!;
        s10 += x * y0;
        s11 += x * y1;
        x = A[a2 + k]!;
        s20 += x * y0;
        s21 += x * y1;
        x = A[a3 + k]!;
        s30 += x * y0;
        s31 += x * y1;
      }
      store4x2(C, c0 + n, ldc, accumulate, s00, s01, s10, s11, s20, s21, s30, s31);
      n += 2;
    }
    for (; n < N; n++) {
      // A last leftover column as a 4×1 tile.
      const b0 = bOff + n * ldb;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let k = 0; k < K; k++) {
        const y = B[b0 + k]!;
        s0 += A[a0 + k]! * y;
        s1 += A[a1 + k]! * y;
        s2 += A[a2 + k]! * y;
        s3 += A[a3 + k]! * y;
      }
      store4x1(C, c0 + n, ldc, accumulate, s0, s1, s2, s3);
    }
  }
}

/** Writes (or adds) a 4×1 column tile into C at `c` with leading dimension `ldc`. */
function store4x1(
  C: Float64Array,
  c: number,
  ldc: number,
  accumulate: boolean,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
): void {
  if (accumulate) {
    C[c] += s0;
    C[c + ldc] += s1;
    C[c + 2 * ldc] += s2;
    C[c + 3 * ldc] += s3;
  } else {
    C[c] = s0;
    C[c + ldc] = s1;
    C[c + 2 * ldc] = s2;
    C[c + 3 * ldc] = s3;
  }
}

/** Writes (or adds) a 4×2 tile into C at `c` with leading dimension `ldc`; s<row><column>. */
function store4x2(
  C: Float64Array,
  c: number,
  ldc: number,
  accumulate: boolean,
  s00: number,
  s01: number,
  s10: number,
  s11: number,
  s20: number,
  s21: number,
  s30: number,
  s31: number,
): void {
  if (accumulate) {
    C[c] += s00;
    C[c + 1] += s01;
    C[c + ldc] += s10;
    C[c + ldc + 1] += s11;
    C[c + 2 * ldc] += s20;
    C[c + 2 * ldc + 1] += s21;
    C[c + 3 * ldc] += s30;
    C[c + 3 * ldc + 1] += s31;
  } else {
    C[c] = s00;
    C[c + 1] = s01;
    C[c + ldc] = s10;
    C[c + ldc + 1] = s11;
    C[c + 2 * ldc] = s20;
    C[c + 2 * ldc + 1] = s21;
    C[c + 3 * ldc] = s30;
    C[c + 3 * ldc + 1] = s31;
  }
}

/** C[m, n0 … n1) (+)= A[m, :] · B[n, :] for one row m (edge handling of {@link gemmABt}). */
function dotRowsABt(
  m: number,
  n0: number,
  n1: number,
  K: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  B: Float64Array,
  bOff: number,
  ldb: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
  accumulate: boolean,
): void {
  const a0 = aOff + m * lda;
  const c0 = cOff + m * ldc;
  for (let n = n0; n < n1; n++) {
    const b0 = bOff + n * ldb;
    let s = 0;
    for (let k = 0; k < K; k++) s += A[a0 + k]! * B[b0 + k]!;
    if (accumulate) C[c0 + n] += s;
    else C[c0 + n] = s;
  }
}

/**
 * C (+)= A · B, with A [M, K], B [K, N], C [M, N]: C[m, n] = Σ_k A[m, k] · B[k, n].
 *
 * This is the backward shape for state and input gradients: dh[B, H] = dZ[B, 4H] · W_hh[4H, H],
 * dx[T·B, I] = dZ[T·B, 4H] · W_ih[4H, I].
 *
 * Parameters as in {@link gemmABt}, except that B is [K, N]: element (k, n) at `B[bOff + k * ldb + n]`.
 */
export function gemmAB(
  M: number,
  N: number,
  K: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  B: Float64Array,
  bOff: number,
  ldb: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
  accumulate: boolean,
): void {
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  let m = 0;
  for (; m < M4; m += 4) {
    const a0 = aOff + m * lda;
    const a1 = a0 + lda;
    const a2 = a1 + lda;
    const a3 = a2 + lda;
    for (let n = 0; n < N4; n += 4) {
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0;
      let s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      let s20 = 0,
        s21 = 0,
        s22 = 0,
        s23 = 0;
      let s30 = 0,
        s31 = 0,
        s32 = 0,
        s33 = 0;
      let bk = bOff + n;
      for (let k = 0; k < K; k++, bk += ldb) {
        const y0 = B[bk]!;
        const y1 = B[bk + 1]!;
        const y2 = B[bk + 2]!;
        const y3 = B[bk + 3]!;
        let x = A[a0 + k]!;
        s00 += x * y0;
        s01 += x * y1;
        s02 += x * y2;
        s03 += x * y3;
        x = A[a1 + k]!;
        s10 += x * y0;
        s11 += x * y1;
        s12 += x * y2;
        s13 += x * y3;
        x = A[a2 + k]!;
        s20 += x * y0;
        s21 += x * y1;
        s22 += x * y2;
        s23 += x * y3;
        x = A[a3 + k]!;
        s30 += x * y0;
        s31 += x * y1;
        s32 += x * y2;
        s33 += x * y3;
      }
      let c = cOff + m * ldc + n;
      if (accumulate) {
        C[c] += s00;
        C[c + 1] += s01;
        C[c + 2] += s02;
        C[c + 3] += s03;
        c += ldc;
        C[c] += s10;
        C[c + 1] += s11;
        C[c + 2] += s12;
        C[c + 3] += s13;
        c += ldc;
        C[c] += s20;
        C[c + 1] += s21;
        C[c + 2] += s22;
        C[c + 3] += s23;
        c += ldc;
        C[c] += s30;
        C[c + 1] += s31;
        C[c + 2] += s32;
        C[c + 3] += s33;
      } else {
        C[c] = s00;
        C[c + 1] = s01;
        C[c + 2] = s02;
        C[c + 3] = s03;
        c += ldc;
        C[c] = s10;
        C[c + 1] = s11;
        C[c + 2] = s12;
        C[c + 3] = s13;
        c += ldc;
        C[c] = s20;
        C[c + 1] = s21;
        C[c + 2] = s22;
        C[c + 3] = s23;
        c += ldc;
        C[c] = s30;
        C[c + 1] = s31;
        C[c + 2] = s32;
        C[c + 3] = s33;
      }
    }
  }
  for (; m < M; m++) dotRowsAB(m, 0, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, accumulate);
  for (m = 0; m < M4; m += 4) {
    const a0 = aOff + m * lda;
    const a1 = a0 + lda;
    const a2 = a1 + lda;
    const a3 = a2 + lda;
    const c0 = cOff + m * ldc;
    let n = N4;
    if (N - n >= 2) {
      // Two leftover columns (N mod 4) of the blocked rows as one 4×2 tile.
      let s00 = 0,
        s01 = 0,
        s10 = 0,
        s11 = 0,
        s20 = 0,
        s21 = 0,
        s30 = 0,
        s31 = 0;
      let bk = bOff + n;
      for (let k = 0; k < K; k++, bk += ldb) {
        const y0 = B[bk]!;
        const y1 = B[bk + 1]!;
        let x = A[a0 + k]!;
        s00 += x * y0;
        s01 += x * y1;
        x = A[a1 + k]!;
        s10 += x * y0;
        s11 += x * y1;
        x = A[a2 + k]!;
        s20 += x * y0;
        s21 += x * y1;
        x = A[a3 + k]!;
        s30 += x * y0;
        s31 += x * y1;
      }
      store4x2(C, c0 + n, ldc, accumulate, s00, s01, s10, s11, s20, s21, s30, s31);
      n += 2;
    }
    for (; n < N; n++) {
      // A last leftover column as a 4×1 tile.
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      let bk = bOff + n;
      for (let k = 0; k < K; k++, bk += ldb) {
        const y = B[bk]!;
        s0 += A[a0 + k]! * y;
        s1 += A[a1 + k]! * y;
        s2 += A[a2 + k]! * y;
        s3 += A[a3 + k]! * y;
      }
      store4x1(C, c0 + n, ldc, accumulate, s0, s1, s2, s3);
    }
  }
}

/** C[m, n0 … n1) (+)= A[m, :] · B[:, n] for one row m (edge handling of {@link gemmAB}). */
function dotRowsAB(
  m: number,
  n0: number,
  n1: number,
  K: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  B: Float64Array,
  bOff: number,
  ldb: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
  accumulate: boolean,
): void {
  const a0 = aOff + m * lda;
  const c0 = cOff + m * ldc;
  for (let n = n0; n < n1; n++) {
    let s = 0;
    let bk = bOff + n;
    for (let k = 0; k < K; k++, bk += ldb) s += A[a0 + k]! * B[bk]!;
    if (accumulate) C[c0 + n] += s;
    else C[c0 + n] = s;
  }
}

/**
 * C (+)= Aᵀ · B, with A [K, M], B [K, N], C [M, N]: C[m, n] = Σ_k A[k, m] · B[k, n].
 *
 * This is the weight-gradient shape: after the time loop, dW_hh[4H, H] += dZ[T·B, 4H]ᵀ · h_prev[T·B, H] sums the
 * outer products of all T·B rows in one call. The long shared dimension K is processed in chunks of
 * {@link AtB_CHUNK} rows so that the panels being reread stay in cache.
 *
 * Parameters as in {@link gemmABt}, except that A is [K, M] (element (k, m) at `A[aOff + k * lda + m]`) and B is
 * [K, N] (element (k, n) at `B[bOff + k * ldb + n]`).
 */
export function gemmAtB(
  M: number,
  N: number,
  K: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  B: Float64Array,
  bOff: number,
  ldb: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
  accumulate: boolean,
): void {
  if (!accumulate) {
    for (let m = 0; m < M; m++) C.fill(0, cOff + m * ldc, cOff + m * ldc + N);
  }
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  for (let k0 = 0; k0 < K; k0 += AtB_CHUNK) {
    const k1 = Math.min(K, k0 + AtB_CHUNK);
    for (let m = 0; m < M4; m += 4) {
      for (let n = 0; n < N4; n += 4) {
        let s00 = 0,
          s01 = 0,
          s02 = 0,
          s03 = 0;
        let s10 = 0,
          s11 = 0,
          s12 = 0,
          s13 = 0;
        let s20 = 0,
          s21 = 0,
          s22 = 0,
          s23 = 0;
        let s30 = 0,
          s31 = 0,
          s32 = 0,
          s33 = 0;
        let ak = aOff + k0 * lda + m;
        let bk = bOff + k0 * ldb + n;
        for (let k = k0; k < k1; k++, ak += lda, bk += ldb) {
          const y0 = B[bk]!;
          const y1 = B[bk + 1]!;
          const y2 = B[bk + 2]!;
          const y3 = B[bk + 3]!;
          let x = A[ak]!;
          s00 += x * y0;
          s01 += x * y1;
          s02 += x * y2;
          s03 += x * y3;
          x = A[ak + 1]!;
          s10 += x * y0;
          s11 += x * y1;
          s12 += x * y2;
          s13 += x * y3;
          x = A[ak + 2]!;
          s20 += x * y0;
          s21 += x * y1;
          s22 += x * y2;
          s23 += x * y3;
          x = A[ak + 3]!;
          s30 += x * y0;
          s31 += x * y1;
          s32 += x * y2;
          s33 += x * y3;
        }
        let c = cOff + m * ldc + n;
        C[c] += s00;
        C[c + 1] += s01;
        C[c + 2] += s02;
        C[c + 3] += s03;
        c += ldc;
        C[c] += s10;
        C[c + 1] += s11;
        C[c + 2] += s12;
        C[c + 3] += s13;
        c += ldc;
        C[c] += s20;
        C[c + 1] += s21;
        C[c + 2] += s22;
        C[c + 3] += s23;
        c += ldc;
        C[c] += s30;
        C[c + 1] += s31;
        C[c + 2] += s32;
        C[c + 3] += s33;
      }
    }
    for (let m = M4; m < M; m++) dotColsAtB(m, 0, N, k0, k1, A, aOff, lda, B, bOff, ldb, C, cOff, ldc);
    for (let m = 0; m < M4; m += 4) {
      let n = N4;
      if (N - n >= 2) {
        // Two leftover columns (N mod 4) of the blocked rows as one 4×2 tile.
        let s00 = 0,
          s01 = 0,
          s10 = 0,
          s11 = 0,
          s20 = 0,
          s21 = 0,
          s30 = 0,
          s31 = 0;
        let ak = aOff + k0 * lda + m;
        let bk = bOff + k0 * ldb + n;
        for (let k = k0; k < k1; k++, ak += lda, bk += ldb) {
          const y0 = B[bk]!;
          const y1 = B[bk + 1]!;
          let x = A[ak]!;
          s00 += x * y0;
          s01 += x * y1;
          x = A[ak + 1]!;
          s10 += x * y0;
          s11 += x * y1;
          x = A[ak + 2]!;
          s20 += x * y0;
          s21 += x * y1;
          x = A[ak + 3]!;
          s30 += x * y0;
          s31 += x * y1;
        }
        store4x2(C, cOff + m * ldc + n, ldc, true, s00, s01, s10, s11, s20, s21, s30, s31);
        n += 2;
      }
      for (; n < N; n++) {
        // A last leftover column as a 4×1 tile.
        let s0 = 0,
          s1 = 0,
          s2 = 0,
          s3 = 0;
        let ak = aOff + k0 * lda + m;
        let bk = bOff + k0 * ldb + n;
        for (let k = k0; k < k1; k++, ak += lda, bk += ldb) {
          const y = B[bk]!;
          s0 += A[ak]! * y;
          s1 += A[ak + 1]! * y;
          s2 += A[ak + 2]! * y;
          s3 += A[ak + 3]! * y;
        }
        store4x1(C, cOff + m * ldc + n, ldc, true, s0, s1, s2, s3);
      }
    }
  }
}

/** C[m, n0 … n1) += Σ_{k0 ≤ k < k1} A[k, m] · B[k, n] for one m (edge handling of {@link gemmAtB}). */
function dotColsAtB(
  m: number,
  n0: number,
  n1: number,
  k0: number,
  k1: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  B: Float64Array,
  bOff: number,
  ldb: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
): void {
  const c0 = cOff + m * ldc;
  for (let n = n0; n < n1; n++) {
    let s = 0;
    let ak = aOff + k0 * lda + m;
    let bk = bOff + k0 * ldb + n;
    for (let k = k0; k < k1; k++, ak += lda, bk += ldb) s += A[ak]! * B[bk]!;
    C[c0 + n] += s;
  }
}

/**
 * Adds the column sums of A [K, N] to `out[outOff … outOff + N)`: out[n] += Σ_k A[k, n] (bias gradients).
 *
 * @param K - rows of A.
 * @param N - columns of A.
 * @param A - buffer; element (k, n) at `A[aOff + k * lda + n]`.
 * @param aOff - offset of A[0, 0].
 * @param lda - leading dimension of A.
 * @param out - accumulator of length ≥ outOff + N.
 * @param outOff - offset into `out`.
 */
export function addColumnSums(
  K: number,
  N: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  out: Float64Array,
  outOff: number,
): void {
  // Four columns at a time in registers: each column is still summed row by row, in order, onto its out[n].
  const N4 = N - (N % 4);
  for (let n = 0; n < N4; n += 4) {
    let s0 = out[outOff + n]!,
      s1 = out[outOff + n + 1]!,
      s2 = out[outOff + n + 2]!,
      s3 = out[outOff + n + 3]!;
    for (let k = 0, a = aOff + n; k < K; k++, a += lda) {
      s0 += A[a]!;
      s1 += A[a + 1]!;
      s2 += A[a + 2]!;
      s3 += A[a + 3]!;
    }
    out[outOff + n] = s0;
    out[outOff + n + 1] = s1;
    out[outOff + n + 2] = s2;
    out[outOff + n + 3] = s3;
  }
  for (let n = N4; n < N; n++) {
    let s = out[outOff + n]!;
    for (let k = 0, a = aOff + n; k < K; k++, a += lda) s += A[a]!;
    out[outOff + n] = s;
  }
}

/**
 * Euclidean norm of `x[off … off + len)`, without spurious overflow or underflow: the plain sum of squares is used
 * when it is safely inside the float64 range, otherwise the values are rescaled by their largest magnitude first
 * (so 1e200-sized entries give ~1e200, not Infinity). Returns NaN if any entry is NaN and Infinity if any is
 * infinite.
 */
export function norm2(x: Float64Array, off: number, len: number): number {
  let s = 0;
  const end = off + len;
  for (let k = off; k < end; k++) {
    const v = x[k]!;
    s += v * v;
  }
  if (s < 1e300 && s > 1e-300) return Math.sqrt(s);
  if (s !== s) return NaN;
  const m = maxAbs(x, off, len);
  if (m === 0 || m === Infinity || m !== m) return m;
  const inv = 1 / m;
  let t = 0;
  for (let k = off; k < end; k++) {
    const v = x[k]! * inv;
    t += v * v;
  }
  return m * Math.sqrt(t);
}

/** Largest |x[k]| over `x[off … off + len)`; NaN if any entry is NaN, 0 for an empty range. */
export function maxAbs(x: Float64Array, off: number, len: number): number {
  let m = 0;
  const end = off + len;
  for (let k = off; k < end; k++) {
    const v = Math.abs(x[k]!);
    if (v > m) m = v;
    else if (v !== v) return NaN;
  }
  return m;
}

/**
 * Multiplies `x[off … off + len)` by 2^e in place. Scaling by a power of two is exact in floating point (as long
 * as no result leaves the normal range), which is what the overflow-safe backward passes rely on.
 */
export function scaleByPow2(x: Float64Array, off: number, len: number, e: number): void {
  if (e === 0) return;
  // 2^e may itself overflow for |e| > 1023: apply it in two halves.
  const e1 = Math.trunc(e / 2);
  const f1 = 2 ** e1;
  const f2 = 2 ** (e - e1);
  const end = off + len;
  for (let k = off; k < end; k++) x[k] = x[k]! * f1 * f2;
}

/**
 * Keeps the carried adjoints of a rescaled backward pass near 1 (see `BackwardOptions.rescale` in gradflow.ts): if
 * the largest magnitude m over `a[0 … na)` and `b[0 … nb)` leaves [2^−256, 2^256], both ranges are multiplied by
 * 2^−⌊log2 m⌋, which is exact. Returns the updated exponent `scale` such that the true values are the stored ones
 * times 2^scale. Zero, NaN or infinite m leave everything unchanged.
 */
export function rescaleCarries(a: Float64Array, na: number, b: Float64Array, nb: number, scale: number): number {
  const m = Math.max(maxAbs(a, 0, na), maxAbs(b, 0, nb));
  if (!(m > 0) || !Number.isFinite(m) || (m <= 2 ** 256 && m >= 2 ** -256)) return scale;
  const e = ilogb(m);
  scaleByPow2(a, 0, na, -e);
  scaleByPow2(b, 0, nb, -e);
  return scale + e;
}

/** Adds `bias[0 … N)` to each of the `rows` rows (leading dimension N) of `C` starting at `cOff`. */
export function addRowBias(rows: number, N: number, C: Float64Array, cOff: number, bias: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    const c = cOff + r * N;
    for (let n = 0; n < N; n++) C[c + n] += bias[n]!;
  }
}
