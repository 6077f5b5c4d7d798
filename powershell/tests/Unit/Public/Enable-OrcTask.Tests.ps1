BeforeAll {
    . (Join-Path $PSScriptRoot '../../TestHelpers.ps1')
    Import-OrcTestModule
}
AfterAll {
    Remove-OrcTestModule
}

Describe 'Enable-OrcTask' {
    BeforeEach {
        Mock Get-OrcStoreHome { '/s' }
        Mock Get-OrcTask {
            foreach ($n in $Name) {
                if ($n -eq 'nodef') { [pscustomobject]@{ Name = 'nodef'; State = 'Ready'; Definition = $null }; continue }
                if ($n -eq 'unreg') { [pscustomobject]@{ Name = 'unreg'; State = 'NotRegistered'; Definition = [pscustomobject]@{ name = 'unreg'; action = [pscustomobject]@{ command = 'x' } } }; continue }
                [pscustomobject]@{ Name = $n; State = 'Ready'; Definition = [pscustomobject]@{ name = $n; action = [pscustomobject]@{ command = 'x' } } }
            }
        }
        Mock Invoke-OrcExec { New-OrcExecResult -Records @(ConvertTo-OrcTestRecord '{"schema":"orc.define/v1","task":"db","changed":true}') } -ParameterFilter { $ArgumentList[0] -eq 'define' }
        Mock Enable-OrcBackendTask { }
    }

    It 'sets "enabled": true in the definition and enables the registration' {
        Enable-OrcTask -Name db
        Should -Invoke Invoke-OrcExec -Exactly 1 -ParameterFilter { ($ArgumentList -join ' ') -eq 'define db --set enabled=true' -and $StoreHome -eq '/s' }
        Should -Invoke Enable-OrcBackendTask -Exactly 1 -ParameterFilter { $Name -eq 'db' }
    }

    It 'changes nothing with -WhatIf' {
        Enable-OrcTask -Name db -WhatIf
        Should -Invoke Invoke-OrcExec -Exactly 0
        Should -Invoke Enable-OrcBackendTask -Exactly 0
    }

    It 'runs with -Confirm:$false and takes names by value and by property name' {
        'a', 'b' | Enable-OrcTask -Confirm:$false
        [pscustomobject]@{ Name = 'c' } | Enable-OrcTask
        Should -Invoke Enable-OrcBackendTask -Exactly 3
    }

    It 'only touches the scheduler for a registration without definition, and only the definition when not registered' {
        Enable-OrcTask -Name nodef, unreg
        Should -Invoke Invoke-OrcExec -Exactly 1
        Should -Invoke Enable-OrcBackendTask -Exactly 1 -ParameterFilter { $Name -eq 'nodef' }
    }

    It 'writes the mapped error when orc-exec refuses the definition' {
        Mock Invoke-OrcExec { New-OrcExecResult -ExitCode 4 -StdErr 'orc-exec: error: insecure' } -ParameterFilter { $ArgumentList[0] -eq 'define' }
        Enable-OrcTask -Name db -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Orc.InsecureDefinition*'
        Should -Invoke Enable-OrcBackendTask -Exactly 0
    }

    It 'returns the task with -PassThru' {
        @(Enable-OrcTask -Name db -PassThru).Name | Should -Be @('db')
    }
}
