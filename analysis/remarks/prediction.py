"""What the kind-of-remark classifier says of one remark (``RemarkClassifier.classify``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.remarks.cues import Cue


@dataclass(frozen=True)
class RemarkPrediction:
    """The kinds of one remark, primary first, with probability, provenance and the cues that fired."""

    text: str
    kind: str
    kinds: tuple[str, ...]
    probability: float
    #: "regel" when the cue rules carried the decision, "model" when the trained model did.
    provenance: str
    cues: tuple[Cue, ...] = ()
    #: probability per kind (all five kinds)
    probabilities: dict[str, float] = field(default_factory=dict)
    #: provenance per kind in ``kinds``, to store with each kind
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def cue_labels(self) -> tuple[str, ...]:
        """Dutch names of the cues that fired, each once ("gebiedende wijs", "modaal werkwoord")."""
        return tuple(dict.fromkeys(cue.label for cue in self.cues))
