# The reward counter made exact with `with lock:`, as a whole module: exact under every policy,
# even `tick` (a check before every instruction) at 1 us.
# parity: entry=process_piece module=true threads=4 args={"stat": {"piece_count": 0, "reward_count": 0}, "N": 500} compare=no-lost-updates interval=1us
# parity: entry=process_piece module=true threads=4 args={"stat": {"piece_count": 0, "reward_count": 0}, "N": 500} compare=no-lost-updates interval=1us policy=3.10
# parity: entry=process_piece module=true threads=4 args={"stat": {"piece_count": 0, "reward_count": 0}, "N": 500} compare=no-lost-updates interval=1us policy=tick seeds=1..2
import threading

lock = threading.Lock()


def process_piece(stat, N):
    for i in range(N):
        with lock:
            if stat["piece_count"] % 10 == 0:
                reward = True
            else:
                reward = False
            if reward:
                stat["reward_count"] += 1
            stat["piece_count"] += 1
