# The reward counter of runtime/src/test/resources/bytecode/reward.py: dict items read and written.
# parity: entry=process_piece args={"stat": {"piece_count": 0, "reward_count": 0}, "N": 1000}
# parity: entry=process_piece threads=4 args={"stat": {"piece_count": 0, "reward_count": 0}, "N": 1000} compare=invariant expect="0 < stat['piece_count'] <= 4 * N and 0 < stat['reward_count'] <= 4 * N" seeds=1..3
def process_piece(stat, N):
    for i in range(N):
        if stat["piece_count"] % 10 == 0:
            reward = True
        else:
            reward = False
        if reward:
            stat["reward_count"] += 1
        stat["piece_count"] += 1
