"""The README documents the permission matrix; this keeps it true."""

from pathlib import Path

from kinderwerk_pwa.domain.toegang.permissions import MATRIX, ROLE_ORDER

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_readme_starts_with_the_two_commands():
    head = README.split("\n## ", 1)[0]
    assert "make run" in head and "make test" in head


def test_readme_matrix_matches_the_code():
    for action, row in MATRIX.items():
        line = f"| `{action.value}` | " + " | ".join(row[r].value for r in ROLE_ORDER) + " |"
        assert line in README, f"README matrix out of date for {action.value}"
