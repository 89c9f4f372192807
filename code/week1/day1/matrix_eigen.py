"""第1周 Day1：特征值分解 —— 用幂迭代求 2×2 矩阵的主特征值与特征向量。

几何意义：特征向量是矩阵变换后方向不变的向量，特征值是它被拉伸的倍数。
"""


def matvec(a: list[list[float]], v: list[float]) -> list[float]:
    return [sum(row[j] * v[j] for j in range(len(v))) for row in a]


def power_iteration(a: list[list[float]], steps: int = 100) -> tuple[float, list[float]]:
    v = [1.0] * len(a)
    value = 0.0
    for _ in range(steps):
        w = matvec(a, v)
        value = max(abs(x) for x in w)
        v = [x / value for x in w]
    return value, v


if __name__ == "__main__":
    eigenvalue, vector = power_iteration([[2.0, 1.0], [1.0, 2.0]])
    print(f"主特征值 ≈ {eigenvalue:.4f}, 特征向量 ≈ {vector}")  # 3.0, [1, 1]
