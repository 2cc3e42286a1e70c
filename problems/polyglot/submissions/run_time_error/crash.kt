fun main() { throw RuntimeException("crash") }
