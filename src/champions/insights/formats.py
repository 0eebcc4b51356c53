"""Numbers as India writes them: digits grouped in lakhs and crores (12,34,567)."""


def indian_number(value) -> str:
    """12345678 -> '1,23,45,678'; 1234.5 -> '1,234.5'; None -> '-'."""
    if value is None or value == "":
        return "-"
    sign = "-" if value < 0 else ""
    whole, _dot, fraction = f"{abs(value)}".partition(".")
    head, tail = whole[:-3], whole[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    text = ",".join([*groups, tail])
    return sign + text + (f".{fraction}" if fraction else "")
