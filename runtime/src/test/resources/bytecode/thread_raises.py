import threading

done = []


def work(n):
    done.append(n)
    return {}["missing"]


if __name__ == "__main__":
    t = threading.Thread(target=work, args=(1234,))
    t.start()
    t.join()
    print("main goes on", done)
