# What the VM refuses, with a message that names the opcode and says how to rewrite the code.


def keyword_call(a):
    print(a, end="")
