(error "crash")
