"""第2周 Day5：正弦位置编码 PE(pos, 2i) = sin(pos / 10000^(2i/d))，PE(pos, 2i+1) = cos(…)。"""

import math


def positional_encoding(pos: int, d_model: int) -> list[float]:
    return [
        math.sin(pos / 10000 ** (i / d_model)) if i % 2 == 0 else math.cos(pos / 10000 ** ((i - 1) / d_model))
        for i in range(d_model)
    ]


if __name__ == "__main__":
    for pos in range(3):
        print(pos, [round(v, 3) for v in positional_encoding(pos, 8)])
