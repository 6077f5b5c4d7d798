function Get-OrcUserId {
    <#
    .SYNOPSIS
        Returns the numeric user id on Linux/macOS (0 = root); -1 when it cannot be read.
    .DESCRIPTION
        Runs 'id -u' once. Only called on non-Windows hosts; tests mock it.
    .OUTPUTS
        System.Int32
    #>
    [CmdletBinding()]
    [OutputType([int])]
    param()

    # Copy the value now: the PSVariable object would show the new exit code later.
    $saved = $null
    if (Test-Path -LiteralPath 'variable:global:LASTEXITCODE') { $saved = @($global:LASTEXITCODE) }
    try {
        $text = & id -u 2>$null
        $value = 0
        if ([int]::TryParse(("$text").Trim(), [ref]$value)) {
            return $value
        }
        return -1
    }
    catch {
        return -1
    }
    finally {
        if ($null -ne $saved) { $global:LASTEXITCODE = $saved[0] } else { Remove-Variable -Name LASTEXITCODE -Scope Global -ErrorAction Ignore -WhatIf:$false -Confirm:$false }
    }
}
