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
 * {@link GemmArena.biasTanhRows}, {@link GemmArena.activateRows} and {@link GemmArena.tanhInto} give the bits of
 * fastexact.ts's loops, which are their fallback (`test/lib/simd.test.ts` compares them). The same module runs the
 * whole element-wise part of an LSTM step with the default activations, forward ({@link GemmArena.lstmForward}: the
 * bias, the gates, c_t, φ(c_t), h_t) and backward ({@link GemmArena.lstmBackward}: the cell equations in reverse and
 * the sums of squares of the carried gradients, in the order of the entries), with the bits of fastexact.ts's
 * `lstmForwardCell` and `lstmBackwardCell`. What makes it fast: one call per step instead of one per activation
 * and a JavaScript loop between them; short loops (one per gate block) whose iterations the processor overlaps;
 * the constants hoisted out of the loops into locals; k of the range reduction from `f64x2.trunc` and the bits of
 * k + 1.5·2^52 rather than an integer conversion; and one range mask per call rather than a test per pair.
 *
 * The backward steps of the GRU and the RNN with the default activations get the same treatment in a third module
 * ({@link buildRecurrentModule}, of its own because the element-wise one is close to Chromium's 4 KB limit):
 * {@link GemmArena.gruBackward} and {@link GemmArena.rnnBackward} run the element-wise part of a step (the cell
 * equations in reverse with σ′ and tanh′ from the outputs, and the sum of squares of ∂L/∂h_t in the order of the
 * entries) with the bits of fastexact.ts's `gruBackwardCell` and `rnnBackwardCell`, their fallback
 * (`test/lib/simd-gru-rnn.test.ts` compares them).
 *
 * @module
 */
import {
  biasSigmoidInto,
  biasTanhInto,
  gruBackwardCell,
  lstmBackwardCell,
  lstmForwardCell,
  rnnBackwardCell,
  sigmoidExact,
  tanhExact,
  tanhInto,
  type GruCellArrays,
  type LstmCellArrays,
  type RnnCellArrays,
} from './fastexact.ts';
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
  /**
   * v128 constants hoisted into locals: the 16 bytes of each distinct constant → its local. `v128.const` inside a
   * loop costs V8 about four instructions per use (it builds the constant from two 64-bit immediates every time,
   * and does not hoist it), a `local.get` of a hoisted one none or a load from the stack.
   */
  readonly #consts = new Map<string, number>();
  /** The index of the first constant local; `null`: constants are emitted inline. */
  readonly #constBase: number | null;

  constructor(constBase: number | null = null) {
    this.#constBase = constBase;
  }

  /** Pushes the v128 constant with these 16 bytes: a hoisted local where the body hoists constants. */
  v128Const(bytes: readonly number[]): this {
    if (this.#constBase === null) {
      this.bytes.push(0xfd, 0x0c, ...bytes);
      return this;
    }
    const key = bytes.join(',');
    let local = this.#consts.get(key);
    if (local === undefined) {
      local = this.#constBase + this.#consts.size;
      this.#consts.set(key, local);
    }
    return this.get(local);
  }

  /** The number of hoisted constants (their locals follow the function's other locals). */
  get constCount(): number {
    return this.#consts.size;
  }

  /** The instructions that set every hoisted constant's local, to run once before the body. */
  constPreamble(): number[] {
    const out: number[] = [];
    for (const [key, local] of this.#consts) {
      out.push(0xfd, 0x0c, ...key.split(',').map(Number), 0x21);
      uleb(out, local);
    }
    return out;
  }

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

  call(index: number): this {
    this.bytes.push(0x10);
    uleb(this.bytes, index);
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
const V128_AND = 0x4e;
const V128_OR = 0x50;
const V128_BITSELECT = 0x52;
const F64X2_LT = 0x49;
const F64X2_GE = 0x4c;
const F64X2_ABS = 0xec;
const F64X2_NEG = 0xed;
const F64X2_SUB = 0xf1;
const F64X2_DIV = 0xf3;
const I64X2_SHL = 0xcb;
const I64X2_ADD = 0xce;
const I64X2_SUB = 0xd1;
const F64X2_GT = 0x4a;
const F64X2_LE = 0x4b;
const F64X2_TRUNC = 0x7a;
const I64X2_ALL_TRUE = 0xc3;
const I32_OR = 0x72;
const F64X2_EXTRACT_LANE = 0x21;

/** Appends `v128.const` with both lanes the float64 `v`. */
function f64x2(c: Code, v: number): Code {
  return c.v128Const([...new Uint8Array(new Float64Array([v, v]).buffer)]);
}

/** The double whose high 32 bits are `hi` and low 32 bits 0. */
function fromHighWord(hi: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, hi >>> 0);
  return view.getFloat64(0);
}

// Every element-wise export has the same signature: E_N_PARAMS i32 parameters (addresses and strides in bytes;
// the ones a function does not use are 0) → i32, so that all of them share one numbering of their locals.
// Parameters of `sigmoid` and `tanh`:
const E_Z = 0, // pre-activations of the first row (updated in place when a bias is added)
  E_ZS = 1, // distance between rows of z
  E_B = 2, // the bias (the same for every row)
  E_NP = 3, // pairs per row
  E_ROWS = 4,
  E_OUT = 5,
  E_OS = 6, // distance between rows of out
  E_BIAS = 7; // 1: z += bias first
// Parameters of `lstmForward` (step t; every [B, H] array at step t's first row, each row H = 2·pairs entries):
const F_Z = 0, // pre-activations, rows of 4H (blocks i, f, g, o), updated in place by adding the bias
  F_B = 1, // b_ih + b_hh, 4H
  F_NP = 2, // pairs per row: H/2
  F_ROWS = 3, // B
  F_H8 = 4, // 8H: the distance between the blocks of a z row (and of the bias)
  F_GI = 5, // i, f, g, o out
  F_GF = 6,
  F_GG = 7,
  F_GO = 8,
  F_CP = 9, // c_{t−1} in
  F_CN = 10, // c_t out
  F_PHI = 11, // φ(c_t) out
  F_HS = 12, // h_t out
  F_XH = 13, // h_t's slot in the first fused row [x_{t+1}, h_t], out
  F_XHS = 14; // distance between fused rows; 0: h_t is not copied (last step)
// Parameters of `lstmBackward` (step t; [B, H] arrays at step t's first row, or at row 0 for the per-step ones):
const G_DHS = 0, // ∂L/∂h_t from the loss, in
  G_CARRY = 1, // ∂L/∂h_t from step t + 1: the h columns of the first row of ∂[x, h], in
  G_CS = 2, // distance between those rows
  G_NP = 3,
  G_ROWS = 4,
  G_GI = 5, // i, f, g, o, φ(c_t), c_{t−1} in
  G_GF = 6,
  G_GG = 7,
  G_GO = 8,
  G_PHI = 9,
  G_CP = 10,
  G_DCN = 11, // the carried ∂L/∂c (in: from step t + 1; out: ∂L/∂c_{t−1}), per-step
  G_DZ = 12, // ∂L/∂Z_t out, rows of 4H
  G_H8 = 13,
  G_DH = 14, // total ∂L/∂h_t, ∂L/∂c_t out, per-step
  G_DC = 15,
  G_SUMS = 16, // Σ (∂L/∂h_t)², Σ (∂L/∂c_t)² out (two float64)
  E_N_PARAMS = 17;
// i32 locals.
const E_J = 17,
  E_PZ = 18,
  E_PB = 19,
  E_PO = 20,
  E_BAD = 21,
  E_OFF = 22, // byte offset in the [B, H] arrays (fused functions)
  E_H16 = 23,
  E_H24 = 24,
  E_N_I32 = 8;
// v128 locals.
const V_X = 25,
  V_A = 26,
  V_M = 27, // a lane mask
  V_XX = 28, // the argument of exp or expm1
  V_KD = 29, // k as float64
  V_K = 30, // k as int64
  V_HI = 31,
  V_LO = 32,
  V_R = 33,
  V_C = 34,
  V_T = 35,
  V_U = 36,
  V_E = 37,
  V_R1 = 38,
  V_Q = 39,
  V_HFX = 40,
  V_I = 41, // the fused functions' gates
  V_F = 42,
  V_G = 43,
  V_O = 44,
  V_P = 45,
  V_OK = 46, // lanes still in the fast range (see emitRangeCheck)
  E_N_V128 = 22;
// f64 locals.
const S_H = 47,
  S_C = 48,
  E_N_F64 = 2,
  E_CONST = 49; // the first hoisted constant

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

/**
 * Clears the lanes of the mask V_OK where |x| (in V_A) is outside lo ≤ |x| < hi, NaN included: the function's
 * flag is then 1 (see {@link emitFlag}). One mask for the whole call, so that the loop has no scalar test.
 */
function emitRangeCheck(c: Code, lo: number, hi: number): void {
  c.get(V_OK);
  f64x2(c.get(V_A), lo).simd(F64X2_GE);
  f64x2(c.get(V_A), hi).simd(F64X2_LT).simd(V128_AND).simd(V128_AND).set(V_OK);
}

/** Sets V_OK to all ones: no lane out of range yet. */
function emitFlagReset(c: Code): void {
  c.v128Const(new Array<number>(16).fill(0xff)).set(V_OK);
}

/** Pushes the flag: 1 if some lane was out of range since {@link emitFlagReset}, else 0. */
function emitFlag(c: Code): void {
  c.get(V_OK).simd(I64X2_ALL_TRUE).op(I32_EQZ);
}

/**
 * From X/ln2 ± ½ on the stack: k, truncated towards zero like `| 0`, into V_KD (float64) and k·2^52 into V_K (int64:
 * k in the exponent field, for 2^k and 2^−k), both
 * zero in the lanes where the mask in `reduce` is clear (where fdlibm does not reduce the argument).
 */
function emitK(c: Code, reduce: number): void {
  // k as a float64 is exact (|k| < 2^11): trunc, then +0 where the mask is clear. Its integer bits come from the
  // sum with 1.5·2^52, whose low mantissa bits are 2^51 + k (exact for |k| < 2^51): shifted left by 52, only k·2^52
  // (mod 2^64) is left.
  c.simd(F64X2_TRUNC).get(reduce).simd(V128_AND).tee(V_KD);
  f64x2(c, 1.5 * 2 ** 52)
    .simd(F64X2_ADD)
    .i32(52)
    .simd(I64X2_SHL)
    .set(V_K);
}

/** Pushes the float64 2^k from V_K (exact for −1022 ≤ k ≤ 1023): the bits of 1 plus k·2^52. */
function emitPow2(c: Code): void {
  f64x2(c, 1).get(V_K).simd(I64X2_ADD);
}

/** Pushes p0 + t·(p1 + t·(p2 + t·(p3 + t·p4))) for t in local `t` (Horner, in fdlibm's order). */
function emitHorner(c: Code, t: number, p: readonly number[]): void {
  for (let i = 0; i < p.length - 1; i++) f64x2(c, p[i]!).get(t);
  f64x2(c, p[p.length - 1]!);
  for (let i = 0; i < p.length - 1; i++) c.simd(F64X2_MUL).simd(F64X2_ADD);
}

/** Pushes σ(x) for x in V_X, lane by lane the operations of fastexact.ts's `sigmoidExact` (see there). */
function emitSigmoid(c: Code): void {
  // x = −|z| (the sign bit set); the tests below compare it with negated bounds, so |z| is never formed
  f64x2(c.get(V_X), -0).simd(V128_OR).set(V_XX);
  // in the fast range: −707 < x ≤ −2^−28 (NaN fails both)
  c.get(V_OK);
  f64x2(c.get(V_XX), -W_TINY).simd(F64X2_LE);
  f64x2(c.get(V_XX), -W_SIGMOID_LARGE).simd(F64X2_GT).simd(V128_AND).simd(V128_AND).set(V_OK);
  // e^x: reduce unless |x| < the double with high word 0x3FD62E43
  f64x2(c.get(V_XX), -fromHighWord(0x3fd62e43)).simd(F64X2_LE).set(V_M);
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
  f64x2(c, 1).get(V_K).simd(I64X2_SUB).set(V_Q); // 2^−k: the bits of 1 minus k·2^52
  c.get(V_R).get(V_E).get(V_Q);
  f64x2(c.get(V_KD), 19).simd(F64X2_GT);
  f64x2(c.get(V_KD), 57).simd(F64X2_LT).simd(V128_AND).simd(V128_AND).simd(F64X2_ADD).simd(F64X2_SUB);
  f64x2(c, 1).get(V_Q);
  f64x2(c.get(V_KD), -2).simd(F64X2_GT);
  f64x2(c.get(V_KD), 20).simd(F64X2_LT).simd(V128_AND).simd(V128_AND).simd(F64X2_SUB).simd(F64X2_ADD);
  emitPow2(c);
  c.simd(F64X2_MUL);
  f64x2(c, 1);
  f64x2(c.get(V_KD), -1).simd(F64X2_LT);
  f64x2(c.get(V_KD), 56).simd(F64X2_GT).simd(V128_OR).simd(V128_AND).simd(F64X2_SUB).set(V_U);
  // m − (m ? 2 : t)/(t + 2), then the sign of x
  f64x2(c, 1).get(V_M).simd(V128_AND);
  f64x2(c, 2).get(V_U).get(V_M).simd(V128_BITSELECT);
  f64x2(c.get(V_U), 2).simd(F64X2_ADD).simd(F64X2_DIV).simd(F64X2_SUB);
  f64x2(c.get(V_X), -0).simd(V128_AND).simd(V128_OR);
}

/** One exported element-wise function: rows × pairs, optional bias, `fn` on each pair; returns the flag. */
function emitRowsOfPairs(c: Code, fn: (c: Code) => void): void {
  emitFlagReset(c);
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
  emitFlag(c);
  c.end(); // function
}

/** Pushes the address `base + off` (two i32 locals). */
function at(c: Code, base: number, off: number): Code {
  return c.get(base).get(off).op(I32_ADD);
}

/** Loads the pair at `base + off`. */
function load(c: Code, base: number, off: number): Code {
  return at(c, base, off).mem(V128_LOAD, 0, true);
}

/** Computes `H16 = 2·h8`, `H24 = 3·h8` from the 8H parameter (the distances to the g and o blocks). */
function emitBlockDistances(c: Code, h8: number): void {
  c.get(h8).get(h8).op(I32_ADD).tee(E_H16).get(h8).op(I32_ADD).set(E_H24);
}

/** `local += 16` for each local: the next pair. */
function emitNextPair(c: Code, locals: readonly number[]): void {
  for (const p of locals) c.get(p).i32(16).op(I32_ADD).set(p);
}

/**
 * `lstmForward`: the element-wise part of an LSTM forward step with the default activations, over B rows of H/2
 * pairs, lane by lane the operations of fastexact.ts's `lstmForwardCell` in their order: z += b (stored back);
 * i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o); c_t = f·c_{t−1} + i·g; φ = tanh(c_t); h = o·φ, also copied
 * into the next fused row. Returns 1 when some σ or tanh argument was outside the fast range (see
 * {@link buildElementwiseModule}).
 */
function emitLstmForward(c: Code): void {
  emitBlockDistances(c, F_H8);
  // i, f, g, o: one pass per block over all B rows (short loops, whose iterations the processor overlaps), each
  // adding the bias in place: sigmoid/tanh(z = z_q, zStride = 32H, bias = b_q, pairs, rows, out, outStride = 8H, 1)
  c.i32(0);
  for (const [distance, out, fn] of [
    [null, F_GI, FN_SIGMOID],
    [F_H8, F_GF, FN_SIGMOID],
    [E_H16, F_GG, FN_TANH],
    [E_H24, F_GO, FN_SIGMOID],
  ] as const) {
    if (distance === null) c.get(F_Z).get(F_H8).i32(2).op(I32_SHL).get(F_B);
    else at(c, F_Z, distance).get(F_H8).i32(2).op(I32_SHL).get(F_B).get(distance).op(I32_ADD);
    c.get(F_NP).get(F_ROWS).get(out).get(F_H8).i32(1);
    for (let k = 8; k < E_N_PARAMS; k++) c.i32(0);
    c.call(fn).op(I32_OR);
  }
  c.set(E_BAD);
  // c_t = f ⊙ c_{t−1} + i ⊙ g, φ(c_t) = tanh(c_t), h_t = o ⊙ φ(c_t) (and into the next fused row)
  emitFlagReset(c);
  c.i32(0).set(E_OFF);
  c.block().get(F_ROWS).op(I32_EQZ).brIf(0).loop();
  c.get(F_XH).set(E_PO).get(F_NP).set(E_J);
  c.block().get(E_J).op(I32_EQZ).brIf(0).loop();
  at(c, F_CN, E_OFF);
  load(c, F_GF, E_OFF);
  load(c, F_CP, E_OFF).simd(F64X2_MUL);
  load(c, F_GI, E_OFF);
  load(c, F_GG, E_OFF).simd(F64X2_MUL).simd(F64X2_ADD);
  c.tee(V_X).mem(V128_STORE, 0, true);
  at(c, F_PHI, E_OFF);
  emitTanh(c);
  c.tee(V_P).mem(V128_STORE, 0, true);
  at(c, F_HS, E_OFF);
  load(c, F_GO, E_OFF).get(V_P).simd(F64X2_MUL).tee(V_X).mem(V128_STORE, 0, true);
  c.get(F_XHS).if().get(E_PO).get(V_X).mem(V128_STORE, 0, true).end();
  emitNextPair(c, [E_PO, E_OFF]);
  c.get(E_J).i32(1).op(I32_SUB).tee(E_J).brIf(0);
  c.end().end();
  c.get(F_XH).get(F_XHS).op(I32_ADD).set(F_XH);
  c.get(F_ROWS).i32(1).op(I32_SUB).tee(F_ROWS).brIf(0);
  c.end().end();
  c.get(E_BAD);
  emitFlag(c);
  c.op(I32_OR);
  c.end(); // function
}

/** `S = S + lane 0 of v`, then `S = S + lane 1`: a sequential sum in the order of the entries. */
function emitSumLanes(c: Code, sum: number, v: number): void {
  for (const lane of [0, 1]) {
    c.get(sum).get(v).simd(F64X2_EXTRACT_LANE).bytes.push(lane);
    c.op(F64_ADD).set(sum);
  }
}

/**
 * `lstmBackward`: the element-wise part of an LSTM backward step with the default activations, lane by lane the
 * operations of fastexact.ts's `lstmBackwardCell` in their order (the cell equations in reverse; see lstm.ts), and
 * the sums of squares of ∂L/∂h_t and ∂L/∂c_t in the order of the entries. Returns 0.
 */
function emitLstmBackward(c: Code): void {
  c.i32(0).set(E_OFF).f64Zero().set(S_H).f64Zero().set(S_C);
  emitBlockDistances(c, G_H8);
  c.block().get(G_ROWS).op(I32_EQZ).brIf(0).loop();
  c.get(G_DZ).set(E_PZ).get(G_CARRY).set(E_PB).get(G_NP).set(E_J);
  c.block().get(E_J).op(I32_EQZ).brIf(0).loop();
  // ∂L/∂h_t: from the loss at step t and from step t+1
  load(c, G_DHS, E_OFF).get(E_PB).mem(V128_LOAD, 0, true).simd(F64X2_ADD).set(V_X);
  for (const [from, gate] of [
    [G_GI, V_I],
    [G_GF, V_F],
    [G_GG, V_G],
    [G_GO, V_O],
    [G_PHI, V_P],
  ] as const) {
    load(c, from, E_OFF).set(gate);
  }
  // ∂o = ∂h ⊙ φ(c_t);  ∂c_t = carried ∂c + ∂h ⊙ o ⊙ (1 − φ²)
  c.get(V_X).get(V_P).simd(F64X2_MUL).set(V_A);
  load(c, G_DCN, E_OFF).get(V_X).get(V_O).simd(F64X2_MUL);
  f64x2(c, 1).get(V_P).get(V_P).simd(F64X2_MUL).simd(F64X2_SUB).simd(F64X2_MUL).simd(F64X2_ADD).set(V_C);
  // ∂c_{t−1} = ∂c_t ⊙ f
  at(c, G_DCN, E_OFF).get(V_C).get(V_F).simd(F64X2_MUL).mem(V128_STORE, 0, true);
  // ∂z_i = (∂c ⊙ g) ⊙ i(1 − i)
  c.get(E_PZ).get(V_C).get(V_G).simd(F64X2_MUL).get(V_I);
  f64x2(c, 1).get(V_I).simd(F64X2_SUB).simd(F64X2_MUL).simd(F64X2_MUL).mem(V128_STORE, 0, true);
  // ∂z_f = (∂c ⊙ c_{t−1}) ⊙ f(1 − f)
  at(c, E_PZ, G_H8).get(V_C);
  load(c, G_CP, E_OFF).simd(F64X2_MUL).get(V_F);
  f64x2(c, 1).get(V_F).simd(F64X2_SUB).simd(F64X2_MUL).simd(F64X2_MUL).mem(V128_STORE, 0, true);
  // ∂z_g = (∂c ⊙ i) ⊙ (1 − g²)
  at(c, E_PZ, E_H16).get(V_C).get(V_I).simd(F64X2_MUL);
  f64x2(c, 1).get(V_G).get(V_G).simd(F64X2_MUL).simd(F64X2_SUB).simd(F64X2_MUL).mem(V128_STORE, 0, true);
  // ∂z_o = ∂o ⊙ o(1 − o)
  at(c, E_PZ, E_H24).get(V_A).get(V_O);
  f64x2(c, 1).get(V_O).simd(F64X2_SUB).simd(F64X2_MUL).simd(F64X2_MUL).mem(V128_STORE, 0, true);
  // The totals ∂L/∂h_t and ∂L/∂c_t, and their sums of squares
  at(c, G_DH, E_OFF).get(V_X).mem(V128_STORE, 0, true);
  at(c, G_DC, E_OFF).get(V_C).mem(V128_STORE, 0, true);
  c.get(V_X).get(V_X).simd(F64X2_MUL).set(V_T);
  emitSumLanes(c, S_H, V_T);
  c.get(V_C).get(V_C).simd(F64X2_MUL).set(V_T);
  emitSumLanes(c, S_C, V_T);
  emitNextPair(c, [E_PZ, E_PB, E_OFF]);
  c.get(E_J).i32(1).op(I32_SUB).tee(E_J).brIf(0);
  c.end().end();
  c.get(G_DZ).get(G_H8).i32(2).op(I32_SHL).op(I32_ADD).set(G_DZ);
  c.get(G_CARRY).get(G_CS).op(I32_ADD).set(G_CARRY);
  c.get(G_ROWS).i32(1).op(I32_SUB).tee(G_ROWS).brIf(0);
  c.end().end();
  c.get(G_SUMS).get(S_H).mem(F64_STORE);
  c.get(G_SUMS).get(S_C).mem(F64_STORE, 8);
  c.i32(0);
  c.end(); // function
}

/** A module's exports, in order: name and the function that emits its body. */
type Exports = ReadonlyArray<readonly [string, (c: Code) => void]>;

/**
 * The binary of a module of element-wise functions: it imports `env.memory` and exports the given functions, each
 * taking E_N_PARAMS i32 parameters (addresses and strides in bytes) and returning an i32 flag. Two entries per f64x2
 * operation; every lane performs the IEEE operations of fastexact.ts's scalar code in its order (the same bits;
 * the table lookups of tanh are formed from masks of k, and the branch-free blends become `v128.bitselect`, which
 * selects the same values). The flag is 1 when some σ or tanh argument was outside the fast range (2^−28 ≤ |z| <
 * 707 for σ, < 22 for tanh, NaN): the caller then recomputes with the reference. Constants are hoisted into
 * locals (see `Code.v128Const`).
 */
function buildModule(functions: Exports): Uint8Array<ArrayBuffer> {
  const bodies = functions.map(([, emit]) => {
    const c = new Code(E_CONST);
    emit(c);
    const body: number[] = [];
    uleb(body, 4); // local declarations
    uleb(body, E_N_I32);
    body.push(I32);
    uleb(body, E_N_V128);
    body.push(V128);
    uleb(body, E_N_F64);
    body.push(F64);
    uleb(body, c.constCount);
    body.push(V128);
    body.push(...c.constPreamble(), ...c.bytes);
    return body;
  });
  const bytes: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const section = (id: number, content: number[]): void => {
    bytes.push(id);
    uleb(bytes, content.length);
    bytes.push(...content);
  };
  const name = (s: string): number[] => [s.length, ...Array.from(s, (ch) => ch.charCodeAt(0))];
  // Type: (i32 × E_N_PARAMS) → i32.
  section(1, [1, 0x60, E_N_PARAMS, ...new Array<number>(E_N_PARAMS).fill(I32), 1, I32]);
  section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x00]);
  section(3, [bodies.length, ...bodies.map(() => 0)]);
  const exports: number[] = [functions.length];
  functions.forEach(([exportName], index) => exports.push(...name(exportName), 0x00, index));
  section(7, exports);
  const code: number[] = [bodies.length];
  for (const body of bodies) {
    uleb(code, body.length);
    code.push(...body);
  }
  section(10, code);
  return new Uint8Array(bytes);
}

/** The functions of the element-wise module, by index (for `call`). */
const FN_SIGMOID = 0,
  FN_TANH = 1;

/**
 * The element-wise module: `sigmoid` and `tanh`, `(z, zStride, bias, pairs, rows, out, outStride, addBias)`: for
 * each of `rows` rows and the first 2·`pairs` entries of the row, z += bias if `addBias`, then out = σ(z) or
 * tanh(z), with the bits of fastexact.ts's `sigmoidExact` and `tanhExact`; `lstmForward` and `lstmBackward`, the
 * element-wise part of an LSTM step with the default activations (parameters F_… and G_… above), with the bits of
 * fastexact.ts's `lstmForwardCell` and `lstmBackwardCell` (see {@link buildModule}). A separate module from the
 * multiplies', since Chromium compiles modules synchronously only up to 4 KB.
 */
export function buildElementwiseModule(): Uint8Array<ArrayBuffer> {
  return buildModule([
    ['sigmoid', (c) => emitRowsOfPairs(c, emitSigmoid)],
    ['tanh', (c) => emitRowsOfPairs(c, emitTanh)],
    ['lstmForward', emitLstmForward],
    ['lstmBackward', emitLstmBackward],
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// The recurrent module: the backward element-wise steps of the GRU and the RNN, with fastexact.ts's bits.
// ---------------------------------------------------------------------------------------------------------------

// Parameters of `gruBackward` (step t; [T, B, H] and [T, B, 3H] arrays at step t's first row, [B, H] ones at row 0;
// the unused ones 0):
const Q_DHS = 0, // ∂L/∂h_t from the loss, in
  Q_DHN = 1, // the carried ∂L/∂h (in: from step t + 1; out: z ⊙ ∂L/∂h_t), per-step
  Q_NP = 2, // pairs per row: H/2
  Q_ROWS = 3, // B
  Q_R = 4, // r_t, z_t, n_t, h_{t−1} in
  Q_Z = 5,
  Q_N = 6,
  Q_HP = 7,
  Q_GHN = 8, // the n block of the first row of GH_t, in (rows of 3H)
  Q_DGX = 9, // ∂L/∂GX_t, ∂L/∂GH_t out, rows of 3H
  Q_DGH = 10,
  Q_H8 = 11, // 8H: the distance between the blocks of a 3H row
  Q_DH = 12, // total ∂L/∂h_t out, per-step
  Q_SUMS = 13; // Σ (∂L/∂h_t)² out (one float64)
// Parameters of `rnnBackward` (step t; all arrays are [B, H] blocks, read as one run of B·H entries):
const U_DHS = 0, // ∂L/∂h_t from the loss, in
  U_DHN = 1, // ∂L/∂h_t from step t + 1, in
  U_NP = 2, // pairs: B·H/2
  U_H = 3, // h_t, in
  U_DZ = 4, // ∂L/∂Z_t out
  U_DH = 5, // total ∂L/∂h_t out
  U_SUMS = 6; // Σ (∂L/∂h_t)² out (one float64)

/** Pushes `1 − x·x` for x in local `x` (tanh′ from the output). */
function emitOneMinusSquare(c: Code, x: number): void {
  f64x2(c, 1).get(x).get(x).simd(F64X2_MUL).simd(F64X2_SUB);
}

/** Pushes `x·(1 − x)` for x in local `x` (σ′ from the output). */
function emitSigmoidSlope(c: Code, x: number): void {
  c.get(x);
  f64x2(c, 1).get(x).simd(F64X2_SUB).simd(F64X2_MUL);
}

/** Stores local `v` at `base + off (+ extra)` (i32 locals). */
function storeAt(c: Code, base: number, off: number, extra: number | null, v: number): void {
  at(c, base, off);
  if (extra !== null) c.get(extra).op(I32_ADD);
  c.get(v).mem(V128_STORE, 0, true);
}

/**
 * `gruBackward`: the element-wise part of a GRU backward step with the default activations, over B rows of H/2 pairs,
 * lane by lane the operations of fastexact.ts's `gruBackwardCell` in their order, and the sum of squares of
 * ∂L/∂h_t in the order of the entries. Returns 0.
 */
function emitGruBackward(c: Code): void {
  // E_OFF: byte offset in the [B, H] blocks; E_PZ: in the rows of 3H (advanced by 8H per row in the pair loop, by
  // 16H more after it).
  c.i32(0).set(E_OFF).i32(0).set(E_PZ).f64Zero().set(S_H);
  c.get(Q_H8).get(Q_H8).op(I32_ADD).set(E_H16);
  c.block().get(Q_ROWS).op(I32_EQZ).brIf(0).loop();
  c.get(Q_NP).set(E_J);
  c.block().get(E_J).op(I32_EQZ).brIf(0).loop();
  // ∂h = ∂L/∂h_t from the loss + the carry; r, z, n
  load(c, Q_DHS, E_OFF);
  load(c, Q_DHN, E_OFF).simd(F64X2_ADD).set(V_X);
  load(c, Q_R, E_OFF).set(V_I);
  load(c, Q_Z, E_OFF).set(V_F);
  load(c, Q_N, E_OFF).set(V_G);
  // ∂n = ∂h ⊙ (1 − z);  ∂z = ∂h ⊙ (h_{t−1} − n);  carry out ∂h ⊙ z
  c.get(V_X);
  f64x2(c, 1).get(V_F).simd(F64X2_SUB).simd(F64X2_MUL).set(V_A);
  c.get(V_X);
  load(c, Q_HP, E_OFF).get(V_G).simd(F64X2_SUB).simd(F64X2_MUL).set(V_C);
  at(c, Q_DHN, E_OFF).get(V_X).get(V_F).simd(F64X2_MUL).mem(V128_STORE, 0, true);
  // ∂a_n = ∂n ⊙ (1 − n²);  ∂a_r = (∂a_n ⊙ GH_n) ⊙ r(1 − r);  ∂a_z = ∂z ⊙ z(1 − z)
  c.get(V_A);
  emitOneMinusSquare(c, V_G);
  c.simd(F64X2_MUL).set(V_T);
  c.get(V_T);
  load(c, Q_GHN, E_PZ).simd(F64X2_MUL);
  emitSigmoidSlope(c, V_I);
  c.simd(F64X2_MUL).set(V_E);
  c.get(V_C);
  emitSigmoidSlope(c, V_F);
  c.simd(F64X2_MUL).set(V_U);
  storeAt(c, Q_DGX, E_PZ, null, V_E);
  storeAt(c, Q_DGH, E_PZ, null, V_E);
  storeAt(c, Q_DGX, E_PZ, Q_H8, V_U);
  storeAt(c, Q_DGH, E_PZ, Q_H8, V_U);
  storeAt(c, Q_DGX, E_PZ, E_H16, V_T);
  at(c, Q_DGH, E_PZ).get(E_H16).op(I32_ADD).get(V_T).get(V_I).simd(F64X2_MUL).mem(V128_STORE, 0, true);
  // The total ∂L/∂h_t and its sum of squares
  storeAt(c, Q_DH, E_OFF, null, V_X);
  c.get(V_X).get(V_X).simd(F64X2_MUL).set(V_T);
  emitSumLanes(c, S_H, V_T);
  emitNextPair(c, [E_PZ, E_OFF]);
  c.get(E_J).i32(1).op(I32_SUB).tee(E_J).brIf(0);
  c.end().end();
  c.get(E_PZ).get(E_H16).op(I32_ADD).set(E_PZ);
  c.get(Q_ROWS).i32(1).op(I32_SUB).tee(Q_ROWS).brIf(0);
  c.end().end();
  c.get(Q_SUMS).get(S_H).mem(F64_STORE);
  c.i32(0);
  c.end(); // function
}

/**
 * `rnnBackward`: the element-wise part of an RNN backward step with φ = tanh over B·H/2 pairs, lane by lane the
 * operations of fastexact.ts's `rnnBackwardCell` in their order, and the sum of squares of ∂L/∂h_t in the order of
 * the entries. Returns 0.
 */
function emitRnnBackward(c: Code): void {
  c.i32(0).set(E_OFF).f64Zero().set(S_H).get(U_NP).set(E_J);
  c.block().get(E_J).op(I32_EQZ).brIf(0).loop();
  load(c, U_DHS, E_OFF);
  load(c, U_DHN, E_OFF).simd(F64X2_ADD).set(V_X);
  load(c, U_H, E_OFF).set(V_A);
  at(c, U_DZ, E_OFF).get(V_X);
  emitOneMinusSquare(c, V_A);
  c.simd(F64X2_MUL).mem(V128_STORE, 0, true);
  storeAt(c, U_DH, E_OFF, null, V_X);
  c.get(V_X).get(V_X).simd(F64X2_MUL).set(V_T);
  emitSumLanes(c, S_H, V_T);
  emitNextPair(c, [E_OFF]);
  c.get(E_J).i32(1).op(I32_SUB).tee(E_J).brIf(0);
  c.end().end();
  c.get(U_SUMS).get(S_H).mem(F64_STORE);
  c.i32(0);
  c.end(); // function
}

/**
 * The recurrent module: `gruBackward` and `rnnBackward`, the element-wise part of a GRU and an RNN backward step with
 * the default activations (parameters Q_… and U_… above), with the bits of fastexact.ts's `gruBackwardCell` and
 * `rnnBackwardCell` (see {@link buildModule}). A module of its own: the element-wise module is close to the 4 KB up
 * to which Chromium compiles modules synchronously.
 */
export function buildRecurrentModule(): Uint8Array<ArrayBuffer> {
  return buildModule([
    ['gruBackward', emitGruBackward],
    ['rnnBackward', emitRnnBackward],
  ]);
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
/** An LSTM function of the element-wise module: E_N_PARAMS i32 (the parameters F_… or G_…) → flag. */
type WasmCell = (...args: number[]) => number;

/** The LSTM functions of the element-wise module on one memory. */
interface LstmFunctions {
  readonly forward: WasmCell;
  readonly backward: WasmCell;
}

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

let enabled = true;
let elementwiseEnabled = true;

/** Each module builder's compiled module, or null where it cannot be compiled (compiled once, on first use). */
const compiledModules = new Map<() => Uint8Array<ArrayBuffer>, WebAssembly.Module | null>();

/**
 * The module that `build` makes ({@link buildGemmModule}, {@link buildElementwiseModule} or
 * {@link buildRecurrentModule}), compiled on first use; null where WebAssembly or its SIMD extension is missing or
 * compiling is refused (then the JavaScript kernels run, with the same bits).
 */
function compiledModule(build: () => Uint8Array<ArrayBuffer>): WebAssembly.Module | null {
  let module = compiledModules.get(build);
  if (module === undefined) {
    module = null;
    try {
      if (Wasm !== undefined) {
        const bytes = build();
        if (Wasm.validate(bytes)) module = new Wasm.Module(bytes);
      }
    } catch {
      module = null;
    }
    compiledModules.set(build, module);
  }
  return module;
}

/** Whether this runtime can run the WebAssembly SIMD kernels (WebAssembly with the fixed-width SIMD extension). */
export function wasmSimdAvailable(): boolean {
  return compiledModule(buildGemmModule) !== null;
}

/**
 * Switches the SIMD kernels on or off for arenas created afterwards (existing arenas keep their path). Results are
 * the same bits either way; this exists for tests and benchmarks. On by default.
 */
export function setWasmSimdEnabled(on: boolean): void {
  enabled = on;
}

/**
 * Switches the element-wise SIMD functions (σ, tanh, the LSTM steps, the GRU and RNN backward steps) on or off for
 * arenas created afterwards, the multiplies staying in SIMD; off, those run as fastexact.ts's JavaScript loops. The
 * same bits either way; this exists for the benchmark's element-wise share and for tests. On by default.
 */
export function setElementwiseSimdEnabled(on: boolean): void {
  elementwiseEnabled = on;
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
  readonly #lstm: LstmFunctions | null;
  readonly #gru: WasmCell | null;
  readonly #rnn: WasmCell | null;
  /** The last GRU or RNN arrays found to be all on this memory (see `#onMemory`). */
  #cellArrays: object | null = null;
  /** The last arrays found to be all on this memory (see `#lstmFor`). */
  #lstmArrays: LstmCellArrays | null = null;
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
    let lstm: LstmFunctions | null = null;
    let gru: WasmCell | null = null;
    let rnn: WasmCell | null = null;
    // No memory when even the largest product would stay in JavaScript (e.g. an LSTM with I = H = 1, T = B = 1).
    const module = enabled && (options.maxProduct ?? Infinity) >= this.#small ? compiledModule(buildGemmModule) : null;
    if (module !== null && Wasm !== undefined) {
      try {
        // Every buffer starts on a 16-byte boundary.
        let bytes = 0;
        for (const n of lengths) bytes += Math.ceil(n / 2) * 16;
        const mem = new Wasm.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
        const instance = new Wasm.Instance(module, { env: { memory: mem } });
        gemm = instance.exports['gemm'] as WasmGemm;
        memory = mem.buffer;
        const ew = elementwiseEnabled ? compiledModule(buildElementwiseModule) : null;
        if (ew !== null) {
          const exports = new Wasm.Instance(ew, { env: { memory: mem } }).exports;
          sigmoid = exports['sigmoid'] as WasmElementwise;
          tanh = exports['tanh'] as WasmElementwise;
          lstm = { forward: exports['lstmForward'] as WasmCell, backward: exports['lstmBackward'] as WasmCell };
        }
        const rec = elementwiseEnabled ? compiledModule(buildRecurrentModule) : null;
        if (rec !== null) {
          const exports = new Wasm.Instance(rec, { env: { memory: mem } }).exports;
          gru = exports['gruBackward'] as WasmCell;
          rnn = exports['rnnBackward'] as WasmCell;
        }
      } catch {
        // E.g. out of address space for another memory: the JavaScript kernels give the same results.
        gemm = null;
        sigmoid = null;
        tanh = null;
        memory = null;
        lstm = null;
        gru = null;
        rnn = null;
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
    this.#lstm = lstm;
    this.#gru = gru;
    this.#rnn = rnn;
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
    this.#biasRows(this.#sigmoid, biasSigmoidInto, sigmoidExact, z, zOff, zStride, bias, bOff, n, rows, out, oOff, oStride);
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
    this.#biasRows(this.#tanh, biasTanhInto, tanhExact, z, zOff, zStride, bias, bOff, n, rows, out, oOff, oStride);
  }

  /**
   * {@link GemmArena.biasSigmoidRows} and {@link GemmArena.biasTanhRows}: `wasm` on all pairs of every row where it
   * can, else `fallback` (fastexact.ts's loop) row by row; the odd last entry of each row through `fallback`, and
   * every entry again through `exact` (which hands odd arguments to the reference) when some was out of range.
   */
  #biasRows(
    wasm: WasmElementwise | null,
    fallback: typeof biasSigmoidInto,
    exact: (z: number) => number,
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
    const mem = this.#memory;
    if (wasm === null || n < 2 || z.buffer !== mem || bias.buffer !== mem || out.buffer !== mem) {
      for (let r = 0; r < rows; r++) fallback(z, zOff + r * zStride, bias, bOff, n, out, oOff + r * oStride);
      return;
    }
    const pairs = n >> 1;
    const bad = wasm(
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
      if (bad !== 0) for (let j = 0; j < 2 * pairs; j++) out[or + j] = exact(z[zr + j]!);
      if (n & 1) fallback(z, zr + n - 1, bias, bOff + n - 1, 1, out, or + n - 1);
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

  /** The LSTM functions, if the arrays are all views of this arena's memory and rows split into pairs (H even). */
  #lstmFor(a: LstmCellArrays, H: number): LstmFunctions | null {
    if ((H & 1) !== 0) return null;
    if (a === this.#lstmArrays) return this.#lstm;
    const m = this.#memory;
    if (m === null || !Object.values(a).every((v: Float64Array) => v.buffer === m)) return null;
    this.#lstmArrays = a; // checked once: its arrays are read-only properties
    return this.#lstm;
  }

  /**
   * The element-wise part of step t of an LSTM forward pass with the default activations: fastexact.ts's
   * `lstmForwardCell(a, t, B, H, I, feed, true)`, with its bits, two units per f64x2 operation when every array of
   * `a` lives on this arena and H is even (entries outside the fast range are then recomputed by that function).
   */
  lstmForward(a: LstmCellArrays, t: number, B: number, H: number, I: number, feed: boolean): void {
    const fns = this.#lstmFor(a, H);
    if (fns === null) {
      lstmForwardCell(a, t, B, H, I, feed, true);
      return;
    }
    const BH = B * H,
      K = I + H,
      row = 8 * t * BH;
    const bad = fns.forward(
      a.z.byteOffset + 4 * row,
      a.bias.byteOffset,
      H >> 1,
      B,
      8 * H,
      a.gi.byteOffset + row,
      a.gf.byteOffset + row,
      a.gg.byteOffset + row,
      a.go.byteOffset + row,
      a.cs.byteOffset + row,
      a.cs.byteOffset + row + 8 * BH,
      a.phi.byteOffset + row,
      a.hs.byteOffset + row,
      feed ? a.xh.byteOffset + 8 * ((t + 1) * B * K + I) : 0,
      feed ? 8 * K : 0,
      0,
      0,
    );
    // The bias is in z now: recompute everything from it, through the function that hands odd arguments on.
    if (bad !== 0) lstmForwardCell(a, t, B, H, I, feed, false);
  }

  /**
   * The element-wise part of step t of an LSTM backward pass with the default activations: fastexact.ts's
   * `lstmBackwardCell(a, t, B, H, I)`, with its bits, two units per f64x2 operation when every array of `a` lives
   * on this arena and H is even.
   */
  lstmBackward(a: LstmCellArrays, t: number, B: number, H: number, I: number): void {
    const fns = this.#lstmFor(a, H);
    if (fns === null) {
      lstmBackwardCell(a, t, B, H, I);
      return;
    }
    const row = 8 * t * B * H;
    fns.backward(
      a.dhs.byteOffset + row,
      a.dxh.byteOffset + 8 * I,
      8 * (I + H),
      H >> 1,
      B,
      a.gi.byteOffset + row,
      a.gf.byteOffset + row,
      a.gg.byteOffset + row,
      a.go.byteOffset + row,
      a.phi.byteOffset + row,
      a.cs.byteOffset + row,
      a.dcN.byteOffset,
      a.dz.byteOffset + 4 * row,
      8 * H,
      a.dh.byteOffset,
      a.dc.byteOffset,
      a.sums.byteOffset,
    );
  }

  /** `fn`, if the arrays of `a` are all views of this arena's memory and rows split into pairs (H even). */
  #onMemory(fn: WasmCell | null, a: object, H: number): WasmCell | null {
    if (fn === null || (H & 1) !== 0) return null;
    if (a === this.#cellArrays) return fn;
    const m = this.#memory;
    if (!Object.values(a).every((v: Float64Array) => v.buffer === m)) return null;
    this.#cellArrays = a; // checked once: its arrays are read-only properties
    return fn;
  }

  /**
   * The element-wise part of step t of a GRU backward pass with the default activations: fastexact.ts's
   * `gruBackwardCell(a, t, B, H)`, with its bits, two units per f64x2 operation when every array of `a` lives on this
   * arena and H is even.
   */
  gruBackward(a: GruCellArrays, t: number, B: number, H: number): void {
    const fn = this.#onMemory(this.#gru, a, H);
    if (fn === null) {
      gruBackwardCell(a, t, B, H);
      return;
    }
    const row = 8 * t * B * H;
    fn(
      a.dhs.byteOffset + row,
      a.dhN.byteOffset,
      H >> 1,
      B,
      a.r.byteOffset + row,
      a.z.byteOffset + row,
      a.n.byteOffset + row,
      a.hs.byteOffset + row,
      a.gh.byteOffset + 3 * row + 16 * H,
      a.dgx.byteOffset + 3 * row,
      a.dgh.byteOffset + 3 * row,
      8 * H,
      a.dh.byteOffset,
      a.sums.byteOffset,
      0,
      0,
      0,
    );
  }

  /**
   * The element-wise part of step t of an RNN backward pass with φ = tanh: fastexact.ts's `rnnBackwardCell(a, t, B,
   * H)`, with its bits, two units per f64x2 operation when every array of `a` lives on this arena and H is even.
   */
  rnnBackward(a: RnnCellArrays, t: number, B: number, H: number): void {
    const fn = this.#onMemory(this.#rnn, a, H);
    if (fn === null) {
      rnnBackwardCell(a, t, B, H);
      return;
    }
    const BH = B * H,
      row = 8 * t * BH;
    fn(
      a.dhs.byteOffset + row,
      a.dhN.byteOffset,
      BH >> 1,
      a.hs.byteOffset + row + 8 * BH,
      a.dz.byteOffset + row,
      a.dh.byteOffset,
      a.sums.byteOffset,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    );
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
