"""Plain per-token arrays of a spaCy doc, made in one pass, for the rule loops that visit every token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Tokens:
    """Plain per-token arrays of a doc (spaCy's Token objects are slow to make in a loop over every token)."""

    text: list[str]
    lower: list[str]
    idx: list[int]  # character offset
    alpha: list[bool]
    punct: list[bool]
    space: list[bool]  # followed by white space
    sent_start: list[bool]
    sent: list[int]  # index of the sentence's first token
    doc_text: str

    @classmethod
    def of(cls, doc: Doc) -> Tokens:
        """One pass over the doc."""
        text, lower, idx, alpha, punct, space, starts, sent = [], [], [], [], [], [], [], []
        current = 0
        for tok in doc:
            if tok.is_sent_start:
                current = tok.i
            text.append(tok.text)
            lower.append(tok.lower_)
            idx.append(tok.idx)
            alpha.append(tok.is_alpha)
            punct.append(tok.is_punct)
            space.append(bool(tok.whitespace_))
            starts.append(tok.i == current)
            sent.append(current)
        return cls(text, lower, idx, alpha, punct, space, starts, sent, doc.text)

    def __len__(self) -> int:
        return len(self.text)

    def prev(self, i: int) -> int | None:
        """The token before i in the same sentence, or None."""
        return i - 1 if i > self.sent[i] else None

    def span(self, start: int, end: int) -> str:
        return "".join(self.text[k] + (" " if self.space[k] and k < end - 1 else "") for k in range(start, end))
