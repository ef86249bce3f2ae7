#!/usr/bin/env python3
"""Writes churn.csv and churn-recent.csv: synthetic telecom customers with a learnable churn signal.

Deterministic (seeded), standard library only. Re-run to regenerate: python3 samples/generate_churn.py

Features (all numeric):
  tenure_months         months as a customer (1-72)
  monthly_charges       monthly bill in dollars (20-130)
  support_tickets       tickets opened in the last 90 days
  usage_hours           weekly hours of use
  contract_months_left  months left on the contract (0 = month-to-month)
  late_payments         late payments in the last year
Label: churned (yes/no). Short tenure, high charges, many tickets, low usage, no contract and late payments
raise the odds. churn-recent.csv comes after a price rise and a competitor's contract buy-outs: charges are higher,
price matters more and contracts no longer hold customers, so a model trained on churn.csv alone degrades on it.
"""
import math
import os
import random

HEADER = ["tenure_months", "monthly_charges", "support_tickets", "usage_hours", "contract_months_left", "late_payments", "churned"]


def poisson(rng, mean):
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def customer(rng, price_rise):
    tenure = rng.randint(1, 72)
    charges = min(130.0, max(20.0, rng.gauss(68 + price_rise, 22)))
    tickets = poisson(rng, 1.1)
    usage = max(0.0, rng.gauss(16, 6))
    contract_left = 0 if rng.random() < 0.45 else rng.randint(1, 24)
    late = poisson(rng, 0.4)
    # After the price rise a competitor buys customers out of their contracts: price matters more, contracts no longer hold.
    price_weight, contract_weight = (0.08, 0.0) if price_rise else (0.03, 0.11)
    z = (0.9 - 0.045 * tenure + price_weight * (charges - 68) + 0.5 * tickets
         - 0.09 * (usage - 16) - contract_weight * contract_left + 0.7 * late)
    churned = "yes" if rng.random() < 1 / (1 + math.exp(-z)) else "no"
    return [tenure, round(charges, 2), tickets, round(usage, 1), contract_left, late, churned]


def write(path, rows):
    with open(path, "w", newline="\n") as f:
        f.write(",".join(HEADER) + "\n")
        for row in rows:
            f.write(",".join(str(v) for v in row) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rng = random.Random(20260301)
    write(os.path.join(here, "churn.csv"), [customer(rng, 0) for _ in range(2000)])
    write(os.path.join(here, "churn-recent.csv"), [customer(rng, 15) for _ in range(600)])


if __name__ == "__main__":
    main()
