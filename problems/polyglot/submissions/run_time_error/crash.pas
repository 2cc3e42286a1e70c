program crash;
begin
  runerror(201);
end.
