print("r2cast")
