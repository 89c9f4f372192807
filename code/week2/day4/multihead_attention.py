"""第2周 Day4：多头注意力的维度 —— d_model 拆成 heads × d_head，拼接后回到 d_model。"""


def split_heads(d_model: int, heads: int) -> int:
    if d_model % heads:
        raise ValueError(f"d_model={d_model} 不能被 heads={heads} 整除")
    return d_model // heads


if __name__ == "__main__":
    seq, d_model, heads = 10, 512, 8
    d_head = split_heads(d_model, heads)
    print(f"Q/K/V: ({seq}, {d_model}) → ({heads}, {seq}, {d_head}) → 拼接 ({seq}, {heads * d_head})")
