export const Activations = {
  sigmoid: { f: (z: number) => 1 / (1 + Math.exp(-z)), df: (z: number) => { const s = 1 / (1 + Math.exp(-z)); return s * (1 - s); } },
  tanh: { f: Math.tanh, df: (z: number) => 1 - Math.tanh(z) ** 2 },
};
