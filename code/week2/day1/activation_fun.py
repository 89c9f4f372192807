"""第2周 Day1：ReLU 与 LeakyReLU —— 负半轴梯度为 0 会让神经元"死亡"。"""


def relu(x: float) -> float:
    return max(0.0, x)


def leaky_relu(x: float, slope: float = 0.01) -> float:
    return x if x > 0 else slope * x


def grad(f, x: float, h: float = 1e-6) -> float:  # type: ignore[no-untyped-def]
    return (f(x + h) - f(x - h)) / (2 * h)


if __name__ == "__main__":
    for x in (-2.0, -0.5, 0.5, 2.0):
        print(f"x={x:+.1f}  relu'={grad(relu, x):.2f}  leaky'={grad(leaky_relu, x):.2f}")
