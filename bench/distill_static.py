"""Make kg/models/static-minilm from a local copy of all-MiniLM-L6-v2 (how the shipped
static encoder was made; kg never runs this, and nothing is downloaded).

    pip install model2vec sentence-transformers   # in a separate environment
    python -m bench.distill_static /path/to/all-MiniLM-L6-v2 [-o kg/models/static-minilm]

model2vec distils the model into one vector per token of its vocabulary (the
sentence model applied to each token alone, reduced by PCA to 256 dimensions and
weighted by token frequency); the vectors are stored as int8 with one scale per
row (6.6 MB instead of 30 MB) in embeddings.npz, next to the model's WordPiece
tokenizer.json. kg.embed.StaticEncoder reads the two files.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> None:
    from model2vec.distill import distill

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path, help="folder of a sentence-transformers model")
    parser.add_argument("-o", "--output", type=Path,
                        default=ROOT / "kg" / "models" / "static-minilm")
    parser.add_argument("--dims", type=int, default=256)
    args = parser.parse_args(argv)
    static = distill(model_name=str(args.model), pca_dims=args.dims)
    vectors = np.asarray(static.embedding, np.float32)
    scales = np.maximum(np.abs(vectors).max(axis=1), 1e-12) / 127
    quantized = np.round(vectors / scales[:, None]).astype(np.int8)
    args.output.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.output / "embeddings.npz", vectors=quantized,
                        scales=scales.astype(np.float32))
    tokenizer = json.loads(static.tokenizer.to_str())
    (args.output / "tokenizer.json").write_text(json.dumps(tokenizer, ensure_ascii=False),
                                                encoding="utf-8")
    print(f"wrote {args.output}: {quantized.shape[0]} tokens x {quantized.shape[1]} dimensions")


if __name__ == "__main__":
    main()
