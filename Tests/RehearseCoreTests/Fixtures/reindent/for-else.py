def first_even(numbers):
    for number in numbers:
        if number % 2 == 0:
            break
    else:
        return None
    return number
