raise "crash"
