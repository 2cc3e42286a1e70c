let () = failwith "crash"
