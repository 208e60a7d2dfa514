# The reward counter without a lock, four threads at 1 us. Under 3.11 the loop has no check point
# between a read and its write (only the back jump checks; the forward `if` jumps do not), so no
# update is lost, on CPython 3.11 whatever the schedule, and in the VM under policy 3.11.
# parity: entry=process_piece threads=4 args={"stat": {"piece_count": 0, "reward_count": 0}, "N": 2000} compare=no-lost-updates interval=1us seeds=1..3
def process_piece(stat, N):
    for i in range(N):
        if stat["piece_count"] % 10 == 0:
            reward = True
        else:
            reward = False
        if reward:
            stat["reward_count"] += 1
        stat["piece_count"] += 1
