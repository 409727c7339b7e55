/**
 * WebAssembly SIMD (f64x2) versions of the matrix multiplies of `kernels.ts`, and of the element-wise σ and tanh of
 * `fastexact.ts`, returning **the same bits**.
 *
 * Why the bits cannot change: every entry of a product is one sequential sum s = 0; s += a_k·b_k (k ascending),
 * then stored (C = s) or added (C = C + s), exactly as in the JavaScript kernels. Here the two lanes of an f64x2
 * register hold two neighbouring columns n, n + 1 of C, and each lane performs that very sequence of IEEE
 * multiplies and adds (`f64x2.mul` and `f64x2.add` are correctly rounded per lane; standard SIMD has no fused
 * multiply-add, and WebAssembly never flushes subnormals). Only NaN payloads may differ, which no comparison can
 * see. `test/lib/simd.test.ts` checks bit equality with the JavaScript kernels on many shapes.
 *
 * The module is built on first use by a tiny binary encoder below (no binary blob in the repository), compiled and
 * instantiated synchronously (it is about 2 KB; a page needs `'wasm-unsafe-eval'` in its CSP, and where compiling is
 * refused the JavaScript kernels run). Its one function computes C (+)= A·B for B row-major [K, N] (columns of a row
 * are contiguous, so two columns fill one f64x2 load) and A addressed by arbitrary row and column strides, which covers
 * both `gemmAB` (A [M, K]) and `gemmAtB` (A [K, M]). `gemmABt` has its B transposed ([N, K]), whose columns are not
 * contiguous: a caller that wants it in SIMD keeps the transpose Bᵀ [K, N] and calls `gemmAB`, which forms every
 * entry's sum in the same order, i.e. gives the same bits.
 *
 * The kernel works on 4 × 4 tiles of C (eight f64x2 accumulators), then 4 × 2 and 4 × 1 tiles for leftover
 * columns and 1 × 4, 1 × 2, 1 × 1 tiles for leftover rows.
 *
 * Memory: WebAssembly can only address its own linear memory. A {@link GemmArena} owns one `WebAssembly.Memory`, hands
 * out `Float64Array` views on it (the memory is never grown, so the views stay valid), and runs the SIMD kernel when
 * all three operands of a multiply are views of that memory (and the product is not tiny), otherwise the JavaScript
 * kernel (same result). Where WebAssembly or its SIMD extension is missing, or the memory cannot be allocated, the
 * arena's buffers are ordinary `Float64Array`s and every multiply runs in JavaScript.
 *
 * σ and tanh: a second module on the same memory ({@link buildElementwiseModule}) applies them to rows of
 * pre-activations two at a time, each lane performing fastexact.ts's IEEE operations in their order (`f64x2.div`
 * and the others are correctly rounded per lane, like the scalar ones), so that {@link GemmArena.biasSigmoidRows},
 * {@link GemmArena.biasTanhRows} and {@link GemmArena.tanhInto} give the bits of fastexact.ts's loops, which are
 * their fallback (`test/lib/simd.test.ts` compares them).
 *
 * @module
 */
import { biasSigmoidInto, biasTanhInto, sigmoidExact, tanhExact, tanhInto } from './fastexact.ts';
import { AtB_CHUNK, gemmAB as jsGemmAB, gemmAtB as jsGemmAtB } from './kernels.ts';

// ---------------------------------------------------------------------------------------------------------------
// A minimal WebAssembly binary encoder: just the opcodes the kernel needs.
// ---------------------------------------------------------------------------------------------------------------

const I32 = 0x7f;
const V128 = 0x7b;
const F64 = 0x7c;

/** Appends the unsigned LEB128 encoding of `v` to `out`. */
function uleb(out: number[], v: number): void {
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
}

/** Appends the signed LEB128 encoding of the 32-bit integer `v` to `out`. */
function sleb(out: number[], v: number): void {
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}

/** A function body under construction (instructions only; locals are declared by the caller). */
class Code {
  readonly bytes: number[] = [];

  get(local: number): this {
    this.bytes.push(0x20);
    uleb(this.bytes, local);
    return this;
  }

  set(local: number): this {
    this.bytes.push(0x21);
    uleb(this.bytes, local);
    return this;
  }

  tee(local: number): this {
    this.bytes.push(0x22);
    uleb(this.bytes, local);
    return this;
  }

  i32(v: number): this {
    this.bytes.push(0x41);
    sleb(this.bytes, v);
    return this;
  }

  /** i32 binary operation by opcode. */
  op(code: number): this {
    this.bytes.push(code);
    return this;
  }

  /** SIMD instruction (0xfd prefix) without immediates. */
  simd(code: number): this {
    this.bytes.push(0xfd);
    uleb(this.bytes, code);
    return this;
  }

  /** Memory instruction with a memarg (alignment hint 2^3, byte offset). */
  mem(code: number, offset = 0, simd = false): this {
    if (simd) this.bytes.push(0xfd);
    uleb(this.bytes, code);
    this.bytes.push(3);
    uleb(this.bytes, offset);
    return this;
  }

  f64Zero(): this {
    this.bytes.push(0x44, 0, 0, 0, 0, 0, 0, 0, 0);
    return this;
  }

  v128Zero(): this {
    this.bytes.push(0xfd, 0x0c);
    for (let i = 0; i < 16; i++) this.bytes.push(0);
    return this;
  }

  block(): this {
    this.bytes.push(0x02, 0x40);
    return this;
  }

  loop(): this {
    this.bytes.push(0x03, 0x40);
    return this;
  }

  if(): this {
    this.bytes.push(0x04, 0x40);
    return this;
  }

  else(): this {
    this.bytes.push(0x05);
    return this;
  }

  end(): this {
    this.bytes.push(0x0b);
    return this;
  }

  br(depth: number): this {
    this.bytes.push(0x0c);
    uleb(this.bytes, depth);
    return this;
  }

  brIf(depth: number): this {
    this.bytes.push(0x0d);
    uleb(this.bytes, depth);
    return this;
  }
}

// Opcodes.
const I32_EQZ = 0x45;
const I32_GT_S = 0x4a;
const I32_GE_S = 0x4e;
const I32_LE_S = 0x4c;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_MUL = 0x6c;
const I32_SHL = 0x74;
const F64_LOAD = 0x2b;
const F64_STORE = 0x39;
const F64_ADD = 0xa0;
const F64_MUL = 0xa2;
const V128_LOAD = 0x00;
const V128_LOAD64_SPLAT = 0x0a;
const V128_STORE = 0x0b;
const F64X2_ADD = 0xf0;
const F64X2_MUL = 0xf2;

/** Parameters of the kernel (all i32; addresses and strides in bytes). */
const P_M = 0,
  P_N = 1,
  P_K = 2,
  P_A = 3,
  P_AMS = 4, // distance between rows m and m + 1 of A
  P_AKS = 5, // distance between A(m, k) and A(m, k + 1)
  P_B = 6,
  P_LDB = 7, // distance between rows k and k + 1 of B
  P_C = 8,
  P_LDC = 9,
  P_ACC = 10, // 1: C += A·B, 0: C = A·B
  N_PARAMS = 11;

// i32 locals.
const L_M = 11,
  L_N = 12,
  L_K = 13,
  L_PB = 14,
  L_PC = 15,
  L_PA = 16, // L_PA + r: pointer to A(m + r, k)
  N_I32 = 9;
// v128 locals: 8 accumulators (row r, half h at L_ACC + 2r + h), two B vectors, one splat of A.
const L_ACC = 20,
  L_VB0 = 28,
  L_VB1 = 29,
  L_VX = 30,
  N_V128 = 11;
// f64 locals: 4 scalar accumulators, one B value.
const L_S = 31,
  L_Y = 35,
  N_F64 = 5;

/**
 * Emits one tile of R rows (1 or 4) by W columns (4, 2 or 1) of C at (L_M, L_N): every entry its own sequential
 * sum over k, then C = s or C += s.
 */
function emitTile(c: Code, R: number, W: number): void {
  // Pointers: A(m + r, 0) and B(0, n).
  c.get(P_A).get(L_M).get(P_AMS).op(I32_MUL).op(I32_ADD).set(L_PA);
  for (let r = 1; r < R; r++)
    c.get(L_PA + r - 1)
      .get(P_AMS)
      .op(I32_ADD)
      .set(L_PA + r);
  c.get(P_B).get(L_N).i32(3).op(I32_SHL).op(I32_ADD).set(L_PB);
  // Zero accumulators.
  for (let r = 0; r < R; r++) {
    if (W === 1) c.f64Zero().set(L_S + r);
    else for (let h = 0; h < W / 2; h++) c.v128Zero().set(L_ACC + 2 * r + h);
  }
  // for (k = K; k > 0; k--) { … }
  c.get(P_K).set(L_K);
  c.block();
  c.get(L_K).op(I32_EQZ).brIf(0);
  c.loop();
  if (W === 1) {
    c.get(L_PB).mem(F64_LOAD).set(L_Y);
  } else {
    c.get(L_PB).mem(V128_LOAD, 0, true).set(L_VB0);
    if (W === 4) c.get(L_PB).mem(V128_LOAD, 16, true).set(L_VB1);
  }
  for (let r = 0; r < R; r++) {
    if (W === 1) {
      // s_r = s_r + A(m + r, k) · y
      c.get(L_S + r)
        .get(L_PA + r)
        .mem(F64_LOAD)
        .get(L_Y)
        .op(F64_MUL)
        .op(F64_ADD)
        .set(L_S + r);
    } else {
      c.get(L_PA + r)
        .mem(V128_LOAD64_SPLAT, 0, true)
        .set(L_VX);
      for (let h = 0; h < W / 2; h++) {
        c.get(L_ACC + 2 * r + h)
          .get(L_VX)
          .get(h === 0 ? L_VB0 : L_VB1)
          .simd(F64X2_MUL)
          .simd(F64X2_ADD)
          .set(L_ACC + 2 * r + h);
      }
    }
    c.get(L_PA + r)
      .get(P_AKS)
      .op(I32_ADD)
      .set(L_PA + r);
  }
  c.get(L_PB).get(P_LDB).op(I32_ADD).set(L_PB);
  c.get(L_K).i32(1).op(I32_SUB).tee(L_K).brIf(0);
  c.end(); // loop
  c.end(); // block
  // Store: C(m + r, n …) = s or C + s.
  c.get(P_C).get(L_M).get(P_LDC).op(I32_MUL).op(I32_ADD).get(L_N).i32(3).op(I32_SHL).op(I32_ADD).set(L_PC);
  c.get(P_ACC).if();
  emitStores(c, R, W, true);
  c.else();
  emitStores(c, R, W, false);
  c.end();
}

/** The stores of {@link emitTile}; advances L_PC row by row. */
function emitStores(c: Code, R: number, W: number, accumulate: boolean): void {
  for (let r = 0; r < R; r++) {
    if (r > 0) c.get(L_PC).get(P_LDC).op(I32_ADD).set(L_PC);
    if (W === 1) {
      c.get(L_PC);
      if (accumulate)
        c.get(L_PC)
          .mem(F64_LOAD)
          .get(L_S + r)
          .op(F64_ADD);
      else c.get(L_S + r);
      c.mem(F64_STORE);
    } else {
      for (let h = 0; h < W / 2; h++) {
        c.get(L_PC);
        if (accumulate) {
          c.get(L_PC)
            .mem(V128_LOAD, 16 * h, true)
            .get(L_ACC + 2 * r + h)
            .simd(F64X2_ADD);
        } else {
          c.get(L_ACC + 2 * r + h);
        }
        c.mem(V128_STORE, 16 * h, true);
      }
    }
  }
}

/** Emits the loops over the columns of R rows starting at L_M: 4-wide tiles, then a 2-wide and a 1-wide one. */
function emitRows(c: Code, R: number): void {
  c.i32(0).set(L_N);
  c.block().loop();
  c.get(L_N).i32(4).op(I32_ADD).get(P_N).op(I32_GT_S).brIf(1);
  emitTile(c, R, 4);
  c.get(L_N).i32(4).op(I32_ADD).set(L_N);
  c.br(0).end().end();
  c.get(L_N).i32(2).op(I32_ADD).get(P_N).op(I32_LE_S).if();
  emitTile(c, R, 2);
  c.get(L_N).i32(2).op(I32_ADD).set(L_N);
  c.end();
  c.get(L_N).get(P_N).op(I32_GE_S).op(I32_EQZ).if();
  emitTile(c, R, 1);
  c.end();
}

/**
 * The binary of the kernel module: it imports `env.memory` and exports `gemm(M, N, K, a, ams, aks, b, ldb, c, ldc,
 * accumulate)` (all i32; addresses and strides in bytes; C (+)= A·B with A(m, k) at a + m·ams + k·aks, B(k, n) at
 * b + k·ldb + 8n, C(m, n) at c + m·ldc + 8n). About 2 KB: Chromium compiles modules synchronously on the main
 * thread only up to 4 KB.
 */
export function buildGemmModule(): Uint8Array<ArrayBuffer> {
  const c = new Code();
  c.i32(0).set(L_M);
  // Blocks of 4 rows.
  c.block().loop();
  c.get(L_M).i32(4).op(I32_ADD).get(P_M).op(I32_GT_S).brIf(1);
  emitRows(c, 4);
  c.get(L_M).i32(4).op(I32_ADD).set(L_M);
  c.br(0).end().end();
  // Leftover rows one by one.
  c.block().loop();
  c.get(L_M).get(P_M).op(I32_GE_S).brIf(1);
  emitRows(c, 1);
  c.get(L_M).i32(1).op(I32_ADD).set(L_M);
  c.br(0).end().end();
  c.end(); // function

  const body: number[] = [];
  uleb(body, 3); // local declarations
  uleb(body, N_I32);
  body.push(I32);
  uleb(body, N_V128);
  body.push(V128);
  uleb(body, N_F64);
  body.push(F64);
  body.push(...c.bytes);

  const bytes: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const section = (id: number, content: number[]): void => {
    bytes.push(id);
    uleb(bytes, content.length);
    bytes.push(...content);
  };
  const name = (s: string): number[] => [s.length, ...Array.from(s, (ch) => ch.charCodeAt(0))];
  // Type: (i32 × 11) → ().
  section(1, [1, 0x60, N_PARAMS, ...new Array<number>(N_PARAMS).fill(I32), 0]);
  // Import env.memory (min 0 pages).
  section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x00]);
  // Function 0 has type 0.
  section(3, [1, 0]);
  // Export "gemm".
  section(7, [1, ...name('gemm'), 0x00, 0]);
  // Code.
  const code: number[] = [1];
  uleb(code, body.length);
  code.push(...body);
  section(10, code);
  return new Uint8Array(bytes);
}

// ---------------------------------------------------------------------------------------------------------------
// The element-wise module: σ and tanh of rows of pre-activations, two at a time in f64x2, with fastexact.ts's bits.
// ---------------------------------------------------------------------------------------------------------------

// More SIMD opcodes (after the 0xfd prefix).
const V128_CONST = 0x0c;
const V128_NOT = 0x4d;
const V128_AND = 0x4e;
const V128_OR = 0x50;
const V128_BITSELECT = 0x52;
const V128_ANY_TRUE = 0x53;
const F64X2_LT = 0x49;
const F64X2_GE = 0x4c;
const F64X2_ABS = 0xec;
const F64X2_NEG = 0xed;
const F64X2_SUB = 0xf1;
const F64X2_DIV = 0xf3;
const I32X4_TRUNC_SAT_F64X2_S_ZERO = 0xfc;
const F64X2_CONVERT_LOW_I32X4_S = 0xfe;
const I64X2_EXTEND_LOW_I32X4_S = 0xc7;
const I64X2_SHL = 0xcb;
const I64X2_ADD = 0xce;
const I64X2_SUB = 0xd1;
const I64X2_LT_S = 0xd8;
const I64X2_GT_S = 0xd9;
const I32_OR = 0x72;

/** Appends `v128.const` with both lanes the float64 `v`. */
function f64x2(c: Code, v: number): Code {
  c.bytes.push(0xfd, V128_CONST, ...new Uint8Array(new Float64Array([v, v]).buffer));
  return c;
}

/** Appends `v128.const` with both lanes the 64-bit integer `v` (a small integer). */
function i64x2(c: Code, v: number): Code {
  const high = v < 0 ? -1 : 0;
  c.bytes.push(0xfd, V128_CONST, ...new Uint8Array(new Int32Array([v, high, v, high]).buffer));
  return c;
}

/** The double whose high 32 bits are `hi` and low 32 bits 0. */
function fromHighWord(hi: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, hi >>> 0);
  return view.getFloat64(0);
}

// Parameters of the element-wise functions (i32; addresses and strides in bytes).
const E_Z = 0, // pre-activations of the first row (updated in place when a bias is added)
  E_ZS = 1, // distance between rows of z
  E_B = 2, // the bias (the same for every row)
  E_NP = 3, // pairs per row
  E_ROWS = 4,
  E_OUT = 5,
  E_OS = 6, // distance between rows of out
  E_BIAS = 7, // 1: z += bias first
  E_N_PARAMS = 8;
// i32 locals.
const E_J = 8,
  E_PZ = 9,
  E_PB = 10,
  E_PO = 11,
  E_BAD = 12,
  E_N_I32 = 5;
// v128 locals.
const V_X = 13,
  V_A = 14,
  V_M = 15, // a lane mask
  V_XX = 16, // the argument of exp or expm1
  V_KD = 17, // k as float64
  V_K = 18, // k as int64
  V_HI = 19,
  V_LO = 20,
  V_R = 21,
  V_C = 22,
  V_T = 23,
  V_U = 24,
  V_E = 25,
  V_R1 = 26,
  V_Q = 27,
  V_HFX = 28,
  E_N_V128 = 16;

// fdlibm's constants, as in fastexact.ts and elementary.ts.
const W_LN2_HI = 6.9314718036912381649e-1;
const W_LN2_LO = 1.90821492927058770002e-10;
const W_INV_LN2 = 1.442695040888963387;
const W_P = [
  1.66666666666666019037e-1, -2.77777777770155933842e-3, 6.61375632143793436117e-5, -1.6533902205465251539e-6,
  4.13813679705723846039e-8,
];
const W_Q = [
  -3.33333333333331316428e-2, 1.58730158725481460165e-3, -7.93650757867487942473e-5, 4.00821782732936239552e-6,
  -2.01099218183624371326e-7,
];
/** The ranges of the fast paths (outside them fastexact.ts's functions call the reference; here: flagged). */
const W_TINY = 2 ** -28;
const W_SIGMOID_LARGE = 707;
const W_TANH_LARGE = 22;

/** Flags (E_BAD = 1) a pair with a lane outside lo ≤ |x| < hi, NaN included; |x| in V_A. */
function emitRangeCheck(c: Code, lo: number, hi: number): void {
  f64x2(c.get(V_A), lo).simd(F64X2_GE);
  f64x2(c.get(V_A), hi).simd(F64X2_LT).simd(V128_AND).simd(V128_NOT).simd(V128_ANY_TRUE);
  c.get(E_BAD).op(I32_OR).set(E_BAD);
}

/**
 * From X/ln2 ± ½ on the stack: k, truncated towards zero like `| 0`, into V_KD (float64) and V_K (int64), both
 * zero in the lanes where the mask in `reduce` is clear (where fdlibm does not reduce the argument).
 */
function emitK(c: Code, reduce: number): void {
  c.simd(I32X4_TRUNC_SAT_F64X2_S_ZERO).tee(V_K);
  c.simd(F64X2_CONVERT_LOW_I32X4_S).get(reduce).simd(V128_AND).set(V_KD);
  c.get(V_K).simd(I64X2_EXTEND_LOW_I32X4_S).get(reduce).simd(V128_AND).set(V_K);
}

/** Replaces the int64 lanes k on the stack by the float64 2^k (exact for −1022 ≤ k ≤ 1023). */
function emitPow2(c: Code): void {
  i64x2(c, 1023).simd(I64X2_ADD).i32(52).simd(I64X2_SHL);
}

/** Pushes p0 + t·(p1 + t·(p2 + t·(p3 + t·p4))) for t in local `t` (Horner, in fdlibm's order). */
function emitHorner(c: Code, t: number, p: readonly number[]): void {
  for (let i = 0; i < p.length - 1; i++) f64x2(c, p[i]!).get(t);
  f64x2(c, p[p.length - 1]!);
  for (let i = 0; i < p.length - 1; i++) c.simd(F64X2_MUL).simd(F64X2_ADD);
}

/** Pushes σ(x) for x in V_X, lane by lane the operations of fastexact.ts's `sigmoidExact` (see there). */
function emitSigmoid(c: Code): void {
  c.get(V_X).simd(F64X2_ABS).set(V_A);
  emitRangeCheck(c, W_TINY, W_SIGMOID_LARGE);
  // e^x with x = −|z|: reduce unless |x| < the double with high word 0x3FD62E43
  f64x2(c.get(V_A), fromHighWord(0x3fd62e43)).simd(F64X2_GE).set(V_M);
  c.get(V_A).simd(F64X2_NEG).set(V_XX);
  f64x2(f64x2(c.get(V_XX), W_INV_LN2).simd(F64X2_MUL), 0.5).simd(F64X2_SUB);
  emitK(c, V_M);
  // hi = x − k·ln2_hi, lo = k·ln2_lo, r = hi − lo, t = r²
  f64x2(c.get(V_XX).get(V_KD), W_LN2_HI).simd(F64X2_MUL).simd(F64X2_SUB).set(V_HI);
  f64x2(c.get(V_KD), W_LN2_LO).simd(F64X2_MUL).set(V_LO);
  c.get(V_HI).get(V_LO).simd(F64X2_SUB).tee(V_R).get(V_R).simd(F64X2_MUL).set(V_T);
  // c = r − t·(P1 + t·(P2 + t·(P3 + t·(P4 + t·P5))))
  c.get(V_R).get(V_T);
  emitHorner(c, V_T, W_P);
  c.simd(F64X2_MUL).simd(F64X2_SUB).set(V_C);
  // e = (1 − ((lo − r·c/(2 − c)) − hi))·2^k
  f64x2(c, 1).get(V_LO).get(V_R).get(V_C).simd(F64X2_MUL);
  f64x2(c, 2).get(V_C).simd(F64X2_SUB).simd(F64X2_DIV).simd(F64X2_SUB).get(V_HI).simd(F64X2_SUB).simd(F64X2_SUB);
  c.get(V_K);
  emitPow2(c);
  c.simd(F64X2_MUL).set(V_E);
  // (z < 0 ? e : 1)/(1 + e)
  c.get(V_E);
  f64x2(c, 1).get(V_X);
  f64x2(c, 0).simd(F64X2_LT).simd(V128_BITSELECT);
  f64x2(c, 1).get(V_E).simd(F64X2_ADD).simd(F64X2_DIV);
}

/** Pushes tanh(x) for x in V_X, lane by lane the operations of fastexact.ts's `tanhExact` (see there). */
function emitTanh(c: Code): void {
  c.get(V_X).simd(F64X2_ABS).set(V_A);
  emitRangeCheck(c, W_TINY, W_TANH_LARGE);
  // m: |x| ≥ 1; X = m ? 2|x| : −2|x|
  f64x2(c.get(V_A), 1).simd(F64X2_GE).set(V_M);
  f64x2(c.get(V_A), 2).simd(F64X2_MUL).tee(V_XX).get(V_XX).simd(F64X2_NEG).get(V_M).simd(V128_BITSELECT).set(V_XX);
  // expm1(X): reduce unless |X| < the double with high word 0x3FD62E43, i.e. |x| < the one with 0x3FC62E43
  f64x2(c.get(V_A), fromHighWord(0x3fc62e43)).simd(F64X2_GE).set(V_LO);
  f64x2(c.get(V_XX), W_INV_LN2).simd(F64X2_MUL);
  f64x2(f64x2(c, 0.5), -0.5).get(V_M).simd(V128_BITSELECT).simd(F64X2_ADD);
  emitK(c, V_LO);
  // hi = X − k·ln2_hi, lo = k·ln2_lo, r = hi − lo, c = (hi − r) − lo
  f64x2(c.get(V_XX).get(V_KD), W_LN2_HI).simd(F64X2_MUL).simd(F64X2_SUB).set(V_HI);
  f64x2(c.get(V_KD), W_LN2_LO).simd(F64X2_MUL).set(V_LO);
  c.get(V_HI).get(V_LO).simd(F64X2_SUB).set(V_R);
  c.get(V_HI).get(V_R).simd(F64X2_SUB).get(V_LO).simd(F64X2_SUB).set(V_C);
  // hfx = r/2, hxs = r·hfx, r1 = 1 + hxs·(Q1 + …), u = 3 − r1·hfx
  f64x2(c, 0.5).get(V_R).simd(F64X2_MUL).set(V_HFX);
  c.get(V_R).get(V_HFX).simd(F64X2_MUL).set(V_T);
  f64x2(c, 1).get(V_T);
  emitHorner(c, V_T, W_Q);
  c.simd(F64X2_MUL).simd(F64X2_ADD).set(V_R1);
  f64x2(c, 3).get(V_R1).get(V_HFX).simd(F64X2_MUL).simd(F64X2_SUB).set(V_U);
  // e = hxs·((r1 − u)/(6 − r·u)); e = r·(e − c) − c; e −= hxs
  c.get(V_T).get(V_R1).get(V_U).simd(F64X2_SUB);
  f64x2(c, 6).get(V_R).get(V_U).simd(F64X2_MUL).simd(F64X2_SUB).simd(F64X2_DIV).simd(F64X2_MUL).set(V_E);
  c.get(V_R).get(V_E).get(V_C).simd(F64X2_SUB).simd(F64X2_MUL).get(V_C).simd(F64X2_SUB).get(V_T).simd(F64X2_SUB);
  c.set(V_E);
  // t = ((r − (e + M_k)) + C_k)·2^k − D_k, with M_k = 2^−k for 20 ≤ k ≤ 56, C_k = 1 − 2^−k for −1 ≤ k < 20
  // (else 1), D_k = 1 for k ≤ −2 or k > 56 (else 0): fastexact.ts's tables, built from masks of k
  i64x2(c, 1023).get(V_K).simd(I64X2_SUB).i32(52).simd(I64X2_SHL).set(V_Q); // 2^−k
  c.get(V_R).get(V_E).get(V_Q);
  i64x2(c.get(V_K), 19).simd(I64X2_GT_S);
  i64x2(c.get(V_K), 57).simd(I64X2_LT_S).simd(V128_AND).simd(V128_AND).simd(F64X2_ADD).simd(F64X2_SUB);
  f64x2(c, 1).get(V_Q);
  i64x2(c.get(V_K), -2).simd(I64X2_GT_S);
  i64x2(c.get(V_K), 20).simd(I64X2_LT_S).simd(V128_AND).simd(V128_AND).simd(F64X2_SUB).simd(F64X2_ADD);
  c.get(V_K);
  emitPow2(c);
  c.simd(F64X2_MUL);
  f64x2(c, 1);
  i64x2(c.get(V_K), -1).simd(I64X2_LT_S);
  i64x2(c.get(V_K), 56).simd(I64X2_GT_S).simd(V128_OR).simd(V128_AND).simd(F64X2_SUB).set(V_U);
  // m − (m ? 2 : t)/(t + 2), then the sign of x
  f64x2(c, 1).get(V_M).simd(V128_AND);
  f64x2(c, 2).get(V_U).get(V_M).simd(V128_BITSELECT);
  f64x2(c.get(V_U), 2).simd(F64X2_ADD).simd(F64X2_DIV).simd(F64X2_SUB);
  f64x2(c.get(V_X), -0).simd(V128_AND).simd(V128_OR);
}

/** One exported element-wise function: rows × pairs, optional bias, `fn` on each pair; returns E_BAD. */
function emitRowsOfPairs(c: Code, fn: (c: Code) => void): void {
  c.i32(0).set(E_BAD);
  c.block().get(E_ROWS).op(I32_EQZ).brIf(0).loop();
  c.get(E_Z).set(E_PZ).get(E_B).set(E_PB).get(E_OUT).set(E_PO).get(E_NP).set(E_J);
  c.block().get(E_J).op(I32_EQZ).brIf(0).loop();
  c.get(E_PZ).mem(V128_LOAD, 0, true).set(V_X);
  c.get(E_BIAS).if();
  c.get(V_X).get(E_PB).mem(V128_LOAD, 0, true).simd(F64X2_ADD).set(V_X);
  c.get(E_PZ).get(V_X).mem(V128_STORE, 0, true);
  c.end();
  c.get(E_PO);
  fn(c);
  c.mem(V128_STORE, 0, true);
  for (const p of [E_PZ, E_PB, E_PO]) c.get(p).i32(16).op(I32_ADD).set(p);
  c.get(E_J).i32(1).op(I32_SUB).tee(E_J).brIf(0);
  c.end().end();
  c.get(E_Z).get(E_ZS).op(I32_ADD).set(E_Z);
  c.get(E_OUT).get(E_OS).op(I32_ADD).set(E_OUT);
  c.get(E_ROWS).i32(1).op(I32_SUB).tee(E_ROWS).brIf(0);
  c.end().end();
  c.get(E_BAD);
  c.end(); // function
}

/**
 * The binary of the element-wise module: it imports `env.memory` and exports `sigmoid` and `tanh`, both
 * `(z, zStride, bias, pairs, rows, out, outStride, addBias) → flag` (i32; addresses and strides in bytes): for each
 * of `rows` rows and the first 2·`pairs` entries of the row, z += bias if `addBias`, then out = σ(z) or tanh(z),
 * two entries per f64x2 operation. Every lane performs the IEEE operations of fastexact.ts's `sigmoidExact` /
 * `tanhExact` in their order (the same bits; the table lookups of tanh are formed from masks of k, and the
 * branch-free blends become `v128.bitselect`, which selects the same values). The result is 1 when some entry was
 * outside the fast range (2^−28 ≤ |z| < 707 for σ, < 22 for tanh, NaN): the caller then recomputes those entries
 * with the reference. A separate module from the multiplies', since Chromium compiles modules synchronously only
 * up to 4 KB.
 */
export function buildElementwiseModule(): Uint8Array<ArrayBuffer> {
  const bodies = [emitSigmoid, emitTanh].map((fn) => {
    const c = new Code();
    emitRowsOfPairs(c, fn);
    const body: number[] = [];
    uleb(body, 2); // local declarations
    uleb(body, E_N_I32);
    body.push(I32);
    uleb(body, E_N_V128);
    body.push(V128);
    body.push(...c.bytes);
    return body;
  });
  const bytes: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const section = (id: number, content: number[]): void => {
    bytes.push(id);
    uleb(bytes, content.length);
    bytes.push(...content);
  };
  const name = (s: string): number[] => [s.length, ...Array.from(s, (ch) => ch.charCodeAt(0))];
  // Type: (i32 × 8) → i32.
  section(1, [1, 0x60, E_N_PARAMS, ...new Array<number>(E_N_PARAMS).fill(I32), 1, I32]);
  section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x00]);
  section(3, [2, 0, 0]);
  section(7, [2, ...name('sigmoid'), 0x00, 0, ...name('tanh'), 0x00, 1]);
  const code: number[] = [2];
  for (const body of bodies) {
    uleb(code, body.length);
    code.push(...body);
  }
  section(10, code);
  return new Uint8Array(bytes);
}

// ---------------------------------------------------------------------------------------------------------------
// Loading, and the arena.
// ---------------------------------------------------------------------------------------------------------------

/** The kernel's signature: M, N, K, a, ams, aks, b, ldb, c, ldc (bytes), accumulate (0/1). */
type WasmGemm = (
  M: number,
  N: number,
  K: number,
  a: number,
  ams: number,
  aks: number,
  b: number,
  ldb: number,
  c: number,
  ldc: number,
  accumulate: number,
) => void;

/**
 * The `WebAssembly` namespace, where the runtime has one (browsers, web workers and Node all do). Read through
 * `globalThis` because the lint rule that keeps DOM globals out of src/lib lists it among the browser globals.
 */
const Wasm = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;

/** The element-wise functions' signature: z, zStride, bias, pairs, rows, out, outStride (bytes), addBias (0/1). */
type WasmElementwise = (
  z: number,
  zStride: number,
  bias: number,
  pairs: number,
  rows: number,
  out: number,
  outStride: number,
  addBias: number,
) => number;

let compiled: WebAssembly.Module | null | undefined;
let compiledElementwise: WebAssembly.Module | null | undefined;
let enabled = true;

/** The compiled element-wise module, or null where it cannot be compiled (compiled once, on first use). */
function elementwiseModule(): WebAssembly.Module | null {
  if (compiledElementwise === undefined) {
    compiledElementwise = null;
    try {
      if (Wasm !== undefined) {
        const bytes = buildElementwiseModule();
        if (Wasm.validate(bytes)) compiledElementwise = new Wasm.Module(bytes);
      }
    } catch {
      compiledElementwise = null;
    }
  }
  return compiledElementwise;
}

/** The compiled module, or null where WebAssembly SIMD is unavailable (compiled once, on first use). */
function wasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    compiled = null;
    try {
      if (Wasm !== undefined) {
        const bytes = buildGemmModule();
        if (Wasm.validate(bytes)) compiled = new Wasm.Module(bytes);
      }
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Whether this runtime can run the WebAssembly SIMD kernels (WebAssembly with the fixed-width SIMD extension). */
export function wasmSimdAvailable(): boolean {
  return wasmModule() !== null;
}

/**
 * Switches the SIMD kernels on or off for arenas created afterwards (existing arenas keep their path). Results are
 * the same bits either way; this exists for tests and benchmarks. On by default.
 */
export function setWasmSimdEnabled(on: boolean): void {
  enabled = on;
}

/**
 * Products with fewer multiply-adds than this stay in JavaScript (same bits), where the call into WebAssembly costs
 * more than it saves (measured: ~40 ns against ~20 ns for a 1×1×4 product).
 */
const SMALL = 32;

/** Bytes per WebAssembly page. */
const PAGE = 65536;

/** Options of {@link createGemmArena}. */
export interface GemmArenaOptions {
  /**
   * Run products of fewer than 32 multiply-adds in JavaScript, where that is faster (same bits). Default `true`;
   * `false` sends every product on the arena's buffers to WebAssembly (for tests of the kernel itself).
   */
  readonly tinyInJs?: boolean;
  /**
   * The largest product, in multiply-adds (M·N·K), that the caller will run on the arena, if it knows one. When
   * that is below the tiny threshold (see `tinyInJs`), every product would run in JavaScript anyway, so the arena
   * allocates no WebAssembly memory: its buffers are plain arrays and `simd` is false (same bits). Default: no bound.
   */
  readonly maxProduct?: number;
}

/**
 * A set of float64 buffers that the SIMD kernels can address, with the multiplies bound to them (see the module
 * comment). Create one with {@link createGemmArena}.
 */
export class GemmArena {
  /** The buffers, in the order of the requested lengths, zero-filled. */
  readonly buffers: readonly Float64Array<ArrayBuffer>[];
  /** Whether multiplies on these buffers run in WebAssembly SIMD (otherwise in JavaScript). */
  readonly simd: boolean;
  readonly #gemm: WasmGemm | null;
  readonly #sigmoid: WasmElementwise | null;
  readonly #tanh: WasmElementwise | null;
  readonly #memory: ArrayBuffer | null;
  readonly #small: number;

  /**
   * Allocates the buffers, on a new WebAssembly memory when SIMD is available and enabled (and some product may be
   * big enough to use it, see {@link GemmArenaOptions.maxProduct}), else as plain arrays.
   *
   * @param lengths - the length of each buffer, in float64 elements.
   * @param options - see {@link GemmArenaOptions}.
   */
  constructor(lengths: readonly number[], options: GemmArenaOptions = {}) {
    this.#small = (options.tinyInJs ?? true) ? SMALL : 0;
    let gemm: WasmGemm | null = null;
    let sigmoid: WasmElementwise | null = null;
    let tanh: WasmElementwise | null = null;
    let memory: ArrayBuffer | null = null;
    // No memory when even the largest product would stay in JavaScript (e.g. an LSTM with I = H = 1, T = B = 1).
    const module = enabled && (options.maxProduct ?? Infinity) >= this.#small ? wasmModule() : null;
    if (module !== null && Wasm !== undefined) {
      try {
        // Every buffer starts on a 16-byte boundary.
        let bytes = 0;
        for (const n of lengths) bytes += Math.ceil(n / 2) * 16;
        const mem = new Wasm.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
        const instance = new Wasm.Instance(module, { env: { memory: mem } });
        gemm = instance.exports['gemm'] as WasmGemm;
        memory = mem.buffer;
        const ew = elementwiseModule();
        if (ew !== null) {
          const exports = new Wasm.Instance(ew, { env: { memory: mem } }).exports;
          sigmoid = exports['sigmoid'] as WasmElementwise;
          tanh = exports['tanh'] as WasmElementwise;
        }
      } catch {
        // E.g. out of address space for another memory: the JavaScript kernels give the same results.
        gemm = null;
        sigmoid = null;
        tanh = null;
        memory = null;
      }
    }
    const buffers: Float64Array<ArrayBuffer>[] = [];
    let at = 0;
    for (const n of lengths) {
      if (memory !== null) {
        buffers.push(new Float64Array(memory, at, n));
        at += Math.ceil(n / 2) * 16;
      } else {
        buffers.push(new Float64Array(n));
      }
    }
    this.buffers = buffers;
    this.#gemm = gemm;
    this.#sigmoid = sigmoid;
    this.#tanh = tanh;
    this.#memory = memory;
    this.simd = gemm !== null;
  }

  /**
   * The SIMD kernel, if the product C (+)= op(A)·B of M·N·K multiply-adds is to run in it: SIMD is on, the product
   * is not tiny, and A, B and C are all views of this arena's memory. Otherwise null: run the JavaScript kernel.
   */
  #kernelFor(M: number, N: number, K: number, A: Float64Array, B: Float64Array, C: Float64Array): WasmGemm | null {
    const gemm = this.#gemm;
    const mem = this.#memory;
    if (gemm === null || M * N * K < this.#small || A.buffer !== mem || B.buffer !== mem || C.buffer !== mem) return null;
    return gemm;
  }

  /**
   * C (+)= A · B, with A [M, K], B [K, N], C [M, N]; the same contract and the same bits as `gemmAB` in
   * `kernels.ts`, in SIMD when A, B and C are all buffers of this arena.
   */
  gemmAB(
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
    const gemm = this.#kernelFor(M, N, K, A, B, C);
    if (gemm === null) {
      jsGemmAB(M, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, accumulate);
      return;
    }
    gemm(
      M,
      N,
      K,
      A.byteOffset + 8 * aOff,
      8 * lda,
      8,
      B.byteOffset + 8 * bOff,
      8 * ldb,
      C.byteOffset + 8 * cOff,
      8 * ldc,
      accumulate ? 1 : 0,
    );
  }

  /**
   * C (+)= Aᵀ · B, with A [K, M], B [K, N], C [M, N]; the same contract and the same bits as `gemmAtB` in
   * `kernels.ts` (including its chunking of K), in SIMD when A, B and C are all buffers of this arena.
   */
  gemmAtB(
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
    const gemm = this.#kernelFor(M, N, K, A, B, C);
    if (gemm === null) {
      jsGemmAtB(M, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, accumulate);
      return;
    }
    if (!accumulate) {
      for (let m = 0; m < M; m++) C.fill(0, cOff + m * ldc, cOff + m * ldc + N);
    }
    const a = A.byteOffset + 8 * aOff,
      b = B.byteOffset + 8 * bOff,
      c = C.byteOffset + 8 * cOff;
    // The chunks of the JavaScript kernel, each summed on its own and added to C in order.
    for (let k0 = 0; k0 < K; k0 += AtB_CHUNK) {
      const k1 = Math.min(K, k0 + AtB_CHUNK);
      gemm(M, N, k1 - k0, a + 8 * k0 * lda, 8, 8 * lda, b + 8 * k0 * ldb, 8 * ldb, c, 8 * ldc, 1);
    }
  }

  /**
   * σ of rows of pre-activations plus a bias: for r < rows and j < n, with zr = zOff + r·zStride and
   * or = oOff + r·oStride, `z[zr + j] += bias[bOff + j]`, then `out[or + j] = σ(z[zr + j])`; the bits of
   * fastexact.ts's `biasSigmoidInto` (and so of the registry's σ), two entries per f64x2 operation when all three
   * arrays are buffers of this arena. `out` must not overlap `z`.
   */
  biasSigmoidRows(
    z: Float64Array,
    zOff: number,
    zStride: number,
    bias: Float64Array,
    bOff: number,
    n: number,
    rows: number,
    out: Float64Array,
    oOff: number,
    oStride: number,
  ): void {
    const fn = this.#sigmoid;
    const mem = this.#memory;
    if (fn === null || n < 2 || z.buffer !== mem || bias.buffer !== mem || out.buffer !== mem) {
      for (let r = 0; r < rows; r++) biasSigmoidInto(z, zOff + r * zStride, bias, bOff, n, out, oOff + r * oStride);
      return;
    }
    const pairs = n >> 1;
    const bad = fn(
      z.byteOffset + 8 * zOff,
      8 * zStride,
      bias.byteOffset + 8 * bOff,
      pairs,
      rows,
      out.byteOffset + 8 * oOff,
      8 * oStride,
      1,
    );
    for (let r = 0; r < rows; r++) {
      const zr = zOff + r * zStride,
        or = oOff + r * oStride;
      // Entries outside the fast range again, through the function that hands them to the reference.
      if (bad !== 0) for (let j = 0; j < 2 * pairs; j++) out[or + j] = sigmoidExact(z[zr + j]!);
      if (n & 1) biasSigmoidInto(z, zr + n - 1, bias, bOff + n - 1, 1, out, or + n - 1);
    }
  }

  /**
   * tanh of rows of pre-activations plus a bias, as {@link GemmArena.biasSigmoidRows} for σ: the bits of
   * fastexact.ts's `biasTanhInto` (and so of elementary.ts's tanh), two entries per f64x2 operation when all three
   * arrays are buffers of this arena. `out` must not overlap `z`.
   */
  biasTanhRows(
    z: Float64Array,
    zOff: number,
    zStride: number,
    bias: Float64Array,
    bOff: number,
    n: number,
    rows: number,
    out: Float64Array,
    oOff: number,
    oStride: number,
  ): void {
    const fn = this.#tanh;
    const mem = this.#memory;
    if (fn === null || n < 2 || z.buffer !== mem || bias.buffer !== mem || out.buffer !== mem) {
      for (let r = 0; r < rows; r++) biasTanhInto(z, zOff + r * zStride, bias, bOff, n, out, oOff + r * oStride);
      return;
    }
    const pairs = n >> 1;
    const bad = fn(
      z.byteOffset + 8 * zOff,
      8 * zStride,
      bias.byteOffset + 8 * bOff,
      pairs,
      rows,
      out.byteOffset + 8 * oOff,
      8 * oStride,
      1,
    );
    for (let r = 0; r < rows; r++) {
      const zr = zOff + r * zStride,
        or = oOff + r * oStride;
      if (bad !== 0) for (let j = 0; j < 2 * pairs; j++) out[or + j] = tanhExact(z[zr + j]!);
      if (n & 1) biasTanhInto(z, zr + n - 1, bias, bOff + n - 1, 1, out, or + n - 1);
    }
  }

  /**
   * `out[oOff + j] = tanh(x[xOff + j])` for j < n: the bits of fastexact.ts's `tanhInto`, two entries per f64x2
   * operation when both arrays are buffers of this arena. `out` may be `x` at the same offset (that runs in
   * JavaScript: the entries outside the fast range are recomputed from `x` afterwards).
   */
  tanhInto(x: Float64Array, xOff: number, n: number, out: Float64Array, oOff: number): void {
    const fn = this.#tanh;
    const mem = this.#memory;
    const inPlace = x.buffer === out.buffer && x.byteOffset + 8 * xOff === out.byteOffset + 8 * oOff;
    if (fn === null || n < 2 || x.buffer !== mem || out.buffer !== mem || inPlace) {
      tanhInto(x, xOff, n, out, oOff);
      return;
    }
    const pairs = n >> 1;
    const bad = fn(x.byteOffset + 8 * xOff, 0, 0, pairs, 1, out.byteOffset + 8 * oOff, 0, 0);
    if (bad !== 0) tanhInto(x, xOff, 2 * pairs, out, oOff);
    if (n & 1) tanhInto(x, xOff + n - 1, 1, out, oOff + n - 1);
  }

  /**
   * σ or tanh of rows, without a bias: for r < rows and j < n, `out[oOff + r·oStride + j] = f(x[xOff + r·xStride + j])`
   * with f = σ (`fn` = `'sigmoid'`) or tanh: the bits of fastexact.ts's `sigmoidExact` / `tanhInto` (and so of the
   * registry's σ and tanh), two entries per f64x2 operation when both arrays are buffers of this arena. For a
   * pre-activation that is not a plain sum plus one bias row, e.g. the GRU's r, z and n (gru.ts). `out` must not
   * overlap `x`.
   */
  activateRows(
    fn: 'sigmoid' | 'tanh',
    x: Float64Array,
    xOff: number,
    xStride: number,
    n: number,
    rows: number,
    out: Float64Array,
    oOff: number,
    oStride: number,
  ): void {
    const sigmoid = fn === 'sigmoid';
    const wasm = sigmoid ? this.#sigmoid : this.#tanh;
    const mem = this.#memory;
    const pairs = wasm === null || n < 2 || x.buffer !== mem || out.buffer !== mem ? 0 : n >> 1;
    const bad =
      pairs === 0 ? 0 : wasm!(x.byteOffset + 8 * xOff, 8 * xStride, 0, pairs, rows, out.byteOffset + 8 * oOff, 8 * oStride, 0);
    // What the module did not do (everything without it, else the odd last entry) and, if some entry was outside
    // the fast range, its row pairs again: in JavaScript, through the functions that hand those to the reference.
    const from = bad === 0 ? 2 * pairs : 0;
    if (from === n) return;
    for (let r = 0; r < rows; r++) {
      const xr = xOff + r * xStride,
        or = oOff + r * oStride;
      if (sigmoid) for (let j = from; j < n; j++) out[or + j] = sigmoidExact(x[xr + j]!);
      else tanhInto(x, xr + from, n - from, out, or + from);
    }
  }
}

/**
 * Allocates float64 buffers of the given lengths (zero-filled) on which {@link GemmArena.gemmAB} and
 * {@link GemmArena.gemmAtB} run in WebAssembly SIMD where available, and in JavaScript otherwise, with identical
 * results. The buffers never move or change size; allocate a new arena to get bigger ones.
 */
export function createGemmArena(lengths: readonly number[], options?: GemmArenaOptions): GemmArena {
  return new GemmArena(lengths, options);
}
