"""第1周 Day6：Adam = 动量（一阶矩）+ RMSProp（二阶矩），分步实现。"""

import math


def adam(grad, x: float, lr: float = 0.1, b1: float = 0.9, b2: float = 0.999, steps: int = 200) -> float:  # type: ignore[no-untyped-def]
    m = v = 0.0
    for t in range(1, steps + 1):
        g = grad(x)
        m = b1 * m + (1 - b1) * g  # 动量：梯度的指数平均
        v = b2 * v + (1 - b2) * g * g  # RMSProp：梯度平方的指数平均
        m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)  # 偏差修正
        x -= lr * m_hat / (math.sqrt(v_hat) + 1e-8)
    return x


if __name__ == "__main__":
    print(adam(lambda x: 2 * (x - 3), x=0.0))  # → 3
