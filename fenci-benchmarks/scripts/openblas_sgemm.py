# OpenBLAS sgemm on GemmBenchmark's shapes, through numpy's bundled OpenBLAS (a reference measurement only; fenci does not depend on it).
# OPENBLAS_NUM_THREADS=1 python3 openblas_sgemm.py
import os, sys, time
import numpy as np
# shapes of the seed network's training step on a 9,000-row batch: (m, k, n)
shapes = {"128x128 (4096x384 by 384x128)": (4096, 384, 128), "128x32 (4096x384 by 384x32)": (4096, 384, 32),
          "32x4 (4096x96 by 96x4)": (4096, 96, 4), "dW 128x9000 by 9000x128": (128, 9000, 128),
          "square 1024": (1024, 1024, 1024)}
rng = np.random.default_rng(1)
for name, (m, k, n) in shapes.items():
    a = rng.standard_normal((m, k), dtype=np.float32); b = rng.standard_normal((k, n), dtype=np.float32)
    c = a @ b
    best = []
    for rep in range(7):
        reps = max(1, int(2e9 / (2 * m * k * n)))
        t0 = time.perf_counter()
        for _ in range(reps):
            np.matmul(a, b, out=c)
        best.append(2 * m * k * n * reps / (time.perf_counter() - t0) / 1e9)
    best.sort()
    print(f"{name}: median {best[3]:.1f} GFLOP/s, best {best[-1]:.1f}")
