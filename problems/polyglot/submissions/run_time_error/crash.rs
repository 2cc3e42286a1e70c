fn main() { panic!("crash"); }
