"""第2周 Day2：反向传播 —— 两层标量网络，逐层用链式法则求梯度，并与数值梯度对照。"""

import math


def forward(w1: float, w2: float, x: float) -> tuple[float, float]:
    h = math.tanh(w1 * x)
    return h, w2 * h


def backward(w1: float, w2: float, x: float, y: float) -> tuple[float, float]:
    h, out = forward(w1, w2, x)
    d_out = 2 * (out - y)  # L = (out - y)²
    d_w2 = d_out * h
    d_h = d_out * w2
    d_w1 = d_h * (1 - h * h) * x  # tanh' = 1 - tanh²
    return d_w1, d_w2


if __name__ == "__main__":
    print(backward(0.5, -1.2, 1.5, 0.3))
