"""第2周 Day6：Encoder 层的组装顺序 —— 自注意力 → Add&Norm → FFN → Add&Norm。"""

ENCODER_LAYER = ("self_attention", "add_norm", "feed_forward", "add_norm")


def describe(layers: int) -> list[str]:
    return [f"layer{n}.{step}" for n in range(1, layers + 1) for step in ENCODER_LAYER]


if __name__ == "__main__":
    print("\n".join(describe(2)))
