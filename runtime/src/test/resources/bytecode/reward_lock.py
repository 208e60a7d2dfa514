# The reward counter of reward.py made exact: the read/modify/write runs under a module-level lock.
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


if __name__ == "__main__":
    stat = {}
    stat["piece_count"] = 0
    stat["reward_count"] = 0
    threads = []
    for k in range(4):
        t = threading.Thread(target=process_piece, args=(stat, 2000))
        threads.append(t)
        t.start()
    for t in threads:
        t.join()
    print(stat["piece_count"], stat["reward_count"])
