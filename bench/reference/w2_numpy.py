"""W2's training run written out in numpy, to compare NNL's accuracy with an independent implementation.

Usage: python3 bench/reference/w2_numpy.py keras|torch SEED [DATASET_DIR]

keras: the course's recipe, as NNL runs it: glorot-uniform kernels, zero biases, Adam with Keras's epsilon 1e-7
       added to the root of the uncorrected second moment.
torch: PyTorch's defaults for the same model: weights and biases uniform in +-1/sqrt(fan_in), Adam with epsilon 1e-8
       added to the root of the corrected second moment.
Both: Flatten-128-relu-10-softmax, sparse categorical cross-entropy, batches of 32 in a random order, one epoch,
float32. Prints the recipe, the seed and the accuracy on the 10,000 test images.
"""
import gzip
import sys

import numpy as np

recipe, seed = sys.argv[1], int(sys.argv[2])
data = sys.argv[3] if len(sys.argv) > 3 else "/usr/share/datasets/fashion-mnist"


def idx(name, header):
    with gzip.open(f"{data}/{name}") as f:
        return np.frombuffer(f.read(), np.uint8, offset=header)


x_train = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float32) / 255
y_train = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
x_test = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float32) / 255
y_test = idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)

rng = np.random.default_rng(seed)
if recipe == "keras":
    def kernel(n_in, n_out):
        limit = np.sqrt(6 / (n_in + n_out))
        return rng.uniform(-limit, limit, (n_in, n_out)).astype(np.float32)
    params = [kernel(784, 128), np.zeros(128, np.float32), kernel(128, 10), np.zeros(10, np.float32)]
    epsilon = 1e-7
else:
    def uniform(fan_in, shape):
        return rng.uniform(-1 / np.sqrt(fan_in), 1 / np.sqrt(fan_in), shape).astype(np.float32)
    params = [uniform(784, (784, 128)), uniform(784, 128), uniform(128, (128, 10)), uniform(128, 10)]
    epsilon = 1e-8

lr, beta1, beta2 = 1e-3, 0.9, 0.999
m = [np.zeros_like(p) for p in params]
v = [np.zeros_like(p) for p in params]
order = rng.permutation(len(x_train))
for t, start in enumerate(range(0, len(x_train), 32), 1):
    rows = order[start:start + 32]
    x, y = x_train[rows], y_train[rows]
    w1, b1, w2, b2 = params
    h = np.maximum(x @ w1 + b1, 0)
    z = h @ w2 + b2
    p = np.exp(z - z.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    dz = p
    dz[np.arange(len(y)), y] -= 1
    dz /= len(y)
    dh = (dz @ w2.T) * (h > 0)
    grads = [x.T @ dh, dh.sum(0), h.T @ dz, dz.sum(0)]
    for k, g in enumerate(grads):
        m[k] = beta1 * m[k] + (1 - beta1) * g
        v[k] = beta2 * v[k] + (1 - beta2) * g * g
        if recipe == "keras":
            step = lr * np.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
            params[k] -= step * m[k] / (np.sqrt(v[k]) + epsilon)
        else:
            params[k] -= lr * (m[k] / (1 - beta1 ** t)) / (np.sqrt(v[k] / (1 - beta2 ** t)) + epsilon)

w1, b1, w2, b2 = params
predictions = (np.maximum(x_test @ w1 + b1, 0) @ w2 + b2).argmax(1)
print(recipe, seed, f"{(predictions == y_test).mean():.4f}")
