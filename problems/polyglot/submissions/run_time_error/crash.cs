class Crash { static void Main() { throw new System.Exception("crash"); } }
