#!/usr/bin/env python3
"""PyTorch reference for fenci's training speed: the seed network and recipe, same pieces.

Trains the seed method's network (embedding 128, uniform(-1, 1), dropout keep 0.5, conv 128-128-32-4
with kernel 3 and 'same' padding, ReLU, summed cross-entropy, Adam with default settings) on the
pieces that `fenci train` builds, dumped by dev.fenci.bench.TrainingPieces, in batches of pieces of
one length (at most --batch, shuffled each epoch), and prints characters per second per epoch,
timing the training loop only (the batches are tensors before the clock starts).

    java -cp fenci-benchmarks/target/benchmarks.jar dev.fenci.bench.TrainingPieces \
        ../shared/data/pd1998/train.utf8 /tmp/pieces.tsv
    python3 fenci-benchmarks/scripts/torch_seed_train.py /tmp/pieces.tsv --threads 2 --epochs 3

Measurement only: Debian's python3-torch, never a dependency of fenci.
"""
import argparse
import random
import time

import torch
from torch import nn


def read_pieces(path):
    by_len = {}
    with open(path, encoding="utf-8") as f:
        vocab = int(f.readline().split()[1])
        for line in f:
            ids, tags = line.rstrip("\n").split("\t")
            ids = [int(x) for x in ids.split()]
            tags = [int(x) for x in tags.split()]
            by_len.setdefault(len(ids), ([], []))
            by_len[len(ids)][0].append(ids)
            by_len[len(ids)][1].append(tags)
    groups = {n: (torch.tensor(i), torch.tensor(t)) for n, (i, t) in by_len.items()}
    return vocab, groups


class Seed(nn.Module):
    def __init__(self, vocab):
        super().__init__()
        self.embed = nn.Embedding(vocab, 128)
        nn.init.uniform_(self.embed.weight, -1.0, 1.0)
        self.drop = nn.Dropout(0.5)
        self.conv1 = nn.Conv1d(128, 128, 3, padding=1)
        self.conv2 = nn.Conv1d(128, 32, 3, padding=1)
        self.conv3 = nn.Conv1d(32, 4, 3, padding=1)

    def forward(self, ids):
        x = self.drop(self.embed(ids)).transpose(1, 2)
        x = torch.relu(self.conv1(x))
        x = torch.relu(self.conv2(x))
        return self.conv3(x)  # (batch, 4, length)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pieces")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=1024)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-mkldnn", action="store_true",
                    help="convolutions through im2col and the BLAS (Debian: OpenBLAS if libopenblas0 is installed) "
                         "instead of oneDNN")
    a = ap.parse_args()
    torch.backends.mkldnn.enabled = not a.no_mkldnn
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rnd = random.Random(a.seed)
    vocab, groups = read_pieces(a.pieces)
    chars = sum(ids.numel() for ids, _ in groups.values())
    model = Seed(vocab)
    opt = torch.optim.Adam(model.parameters())
    loss_fn = nn.CrossEntropyLoss(reduction="sum")
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, oneDNN {torch.backends.mkldnn.enabled}, "
          f"{chars:,} characters, "
          f"vocabulary {vocab:,}, {len(groups)} lengths", flush=True)
    for epoch in range(1, a.epochs + 1):
        batches = []
        for n, (ids, tags) in groups.items():
            perm = list(range(ids.shape[0]))
            rnd.shuffle(perm)
            perm = torch.tensor(perm)
            for i in range(0, len(perm), a.batch):
                sel = perm[i:i + a.batch]
                batches.append((ids[sel], tags[sel]))
        rnd.shuffle(batches)
        model.train()
        total, correct, seen = 0.0, 0, 0
        t0 = time.perf_counter()
        for ids, tags in batches:
            opt.zero_grad()
            out = model(ids)
            loss = loss_fn(out, tags)
            loss.backward()
            opt.step()
            total += loss.item()
            correct += (out.argmax(1) == tags).sum().item()
            seen += tags.numel()
        secs = time.perf_counter() - t0
        print(f"epoch {epoch}: {secs:.1f} s, {seen / secs:,.0f} chars/s, loss/char {total / seen:.4f}, "
              f"tag accuracy {correct / seen:.4f}", flush=True)


if __name__ == "__main__":
    main()
