"""Lay out the home page's flow diagram: who is alleged to give what to whom.

Only coordinates are computed here; the template draws the SVG, so every
label is escaped like any other text.
"""

from dataclasses import dataclass

from .models import Actor, Claim, Clause

WIDTH = 640
BOX_WIDTH = 150
BOX_HEIGHT = 44
LINE_HEIGHT = 20
GAP = 28


@dataclass
class Label:
    claim: Claim
    y: int


@dataclass
class Flow:
    supplier: Actor
    recipient: Actor
    top: int
    arrow_y: int
    labels: list[Label]

    @property
    def clauses(self) -> list[Clause]:
        """Every clause the flow's claims allegedly break, in citation order."""
        seen: dict[int, Clause] = {}
        for label in self.labels:
            for clause in label.claim.clauses.all():
                seen.setdefault(clause.pk, clause)
        return sorted(seen.values(), key=lambda clause: (clause.resolution.number, clause.position))

    @property
    def box_y(self) -> int:
        return self.arrow_y - BOX_HEIGHT // 2

    @property
    def label_text_y(self) -> int:
        return self.arrow_y + 5


@dataclass
class Diagram:
    flows: list[Flow]
    height: int
    width: int = WIDTH
    box_width: int = BOX_WIDTH
    box_height: int = BOX_HEIGHT
    right_x: int = WIDTH - BOX_WIDTH
    arrow_start: int = BOX_WIDTH + 6
    arrow_end: int = WIDTH - BOX_WIDTH - 10
    middle: int = WIDTH // 2
    label_left: int = BOX_WIDTH // 2
    label_right: int = WIDTH - BOX_WIDTH // 2


def lay_out(pairs: list[tuple[Actor, Actor, list[Claim]]]) -> Diagram:
    """One band per supplier -> recipient pair: two boxes, an arrow, the claims under it."""
    flows: list[Flow] = []
    top = 10
    for supplier, recipient, claims in pairs:
        arrow_y = top + BOX_HEIGHT // 2
        labels = [
            Label(claim=claim, y=arrow_y + BOX_HEIGHT // 2 + 8 + index * LINE_HEIGHT)
            for index, claim in enumerate(claims)
        ]
        flows.append(Flow(supplier, recipient, top, arrow_y, labels))
        bottom = labels[-1].y if labels else arrow_y + BOX_HEIGHT // 2
        top = bottom + GAP
    return Diagram(flows=flows, height=max(top, 60))
