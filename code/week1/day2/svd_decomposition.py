"""第1周 Day2：SVD —— 用 2×3 小矩阵手算验证 A = U Σ Vᵀ 中 U、V 的顺序。

Aᵀ A 的特征向量给出 V（右奇异向量，n×n），A Aᵀ 的特征向量给出 U（左奇异向量，m×m）。
"""


def transpose(a: list[list[float]]) -> list[list[float]]:
    return [list(col) for col in zip(*a, strict=True)]


def matmul(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col, strict=True)) for col in bt] for row in a]


if __name__ == "__main__":
    a = [[3.0, 2.0, 2.0], [2.0, 3.0, -2.0]]
    print("A Aᵀ (2×2, 决定 U):", matmul(a, transpose(a)))  # [[17, 8], [8, 17]] → σ² = 25, 9
    print("Aᵀ A (3×3, 决定 V):", matmul(transpose(a), a))
