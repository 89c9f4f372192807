"""第1周 Day5：学习率对收敛的影响 —— 在 f(x) = x² 上比较 0.001 / 0.01 / 0.1。"""


def descend(lr: float, steps: int = 100, x: float = 5.0) -> float:
    for _ in range(steps):
        x -= lr * 2 * x  # f'(x) = 2x
    return x


if __name__ == "__main__":
    for lr in (0.001, 0.01, 0.1):
        print(f"lr={lr:<6} 100 步后 x = {descend(lr):.6f}")
